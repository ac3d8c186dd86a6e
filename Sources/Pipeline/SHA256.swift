#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 (FIPS 180-4) for the manifest's input fingerprints, so a re-run can prove it
/// read the same files. Small enough not to justify a cryptography dependency.
///
/// Every input file is hashed in full (a 5M-row timekeeping export is ~400 MB), so the
/// compression loop is written for speed: the eight working words live in local variables
/// for a whole run of blocks, the message schedule is one 64-word scratch buffer reused for
/// every block (no per-block arrays), and the round constants are read through a pointer,
/// so there are no bounds checks or retains inside the rounds.
public struct SHA256 {
    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    /// Bytes of an unfinished block between `update` calls (always fewer than 64).
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (bytes.count - offset) / 64
        if whole > 0 {
            compress(base + offset, blocks: whole)
            offset += whole * 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    public mutating func finish() -> String {
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = length &* 8
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 64) }
        let hex = Array("0123456789abcdef".utf8)
        let words: [UInt32] = [h0, h1, h2, h3, h4, h5, h6, h7]
        var digits: [UInt8] = []
        digits.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { digits.append(hex[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    /// One round: `d` takes the new `e`, `h` the new `a` (FIPS 180-4, 6.2.2 step 3).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d &+= t1
        h = t1 &+ t2
    }

    /// Compresses `blocks` consecutive 64-byte blocks starting at `p` into the state.
    private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { scratch in
            SHA256.k.withUnsafeBufferPointer { kBuffer in
                let w = scratch.baseAddress!, k = kBuffer.baseAddress!
                var s0 = h0, s1 = h1, s2 = h2, s3 = h3, s4 = h4, s5 = h5, s6 = h6, s7 = h7
                var block = p
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let sigma0 = SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x >> 3)
                        let sigma1 = SHA256.rotr(y, 17) ^ SHA256.rotr(y, 19) ^ (y >> 10)
                        w[i] = w[i - 16] &+ sigma0 &+ w[i - 7] &+ sigma1
                    }
                    var a = s0, b = s1, c = s2, d = s3, e = s4, f = s5, g = s6, h = s7
                    var i = 0
                    while i < 64 {
                        // Eight rounds with the roles of the words rotated instead of the words
                        // moved, so the state stays in registers.
                        SHA256.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                        SHA256.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                        SHA256.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                        SHA256.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                        SHA256.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                        SHA256.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                        SHA256.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                        SHA256.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                        i += 8
                    }
                    s0 &+= a; s1 &+= b; s2 &+= c; s3 &+= d; s4 &+= e; s5 &+= f; s6 &+= g; s7 &+= h
                    block += 64
                }
                h0 = s0; h1 = s1; h2 = s2; h3 = s3; h4 = s4; h5 = s5; h6 = s6; h7 = s7
            }
        }
    }

    public static func hexDigest(of bytes: [UInt8]) -> String {
        var h = SHA256()
        bytes.withUnsafeBytes { h.update($0) }
        return h.finish()
    }

    public static func hexDigest(ofFile path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw PipelineError(location: nil, "\(path): cannot be read for its checksum") }
        defer { close(fd) }
        var h = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n <= 0 { break }
            h.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return h.finish()
    }
}
