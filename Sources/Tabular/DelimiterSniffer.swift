/// Guesses the delimiter of an export from its first lines.
///
/// The candidate that appears in the header and the same number of times on the following
/// lines wins; quoted text is ignored so a comma inside `"Gloves, nitrile"` does not vote.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    static func detect(_ bytes: UnsafeRawBufferPointer, maxLines: Int = 20) -> UInt8 {
        var counts: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = 0
        while i < bytes.count && counts.count < maxLines {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (c == 0x0A || c == 0x0D) {
                if current.contains(where: { $0 > 0 }) || !counts.isEmpty { counts.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
                if c == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else if !inQuotes, let k = candidates.firstIndex(of: c) {
                current[k] += 1
            }
            i += 1
        }
        if current.contains(where: { $0 > 0 }) { counts.append(current) }
        guard let header = counts.first else { return candidates[0] }
        var best = 0
        var bestScore = (-1, -1)
        for k in candidates.indices where header[k] > 0 {
            let consistent = counts.dropFirst().filter { $0[k] == header[k] }.count
            let score = (consistent, header[k])
            if score > bestScore { bestScore = score; best = k }
        }
        return candidates[best]
    }
}
