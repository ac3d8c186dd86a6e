/// A quick look at a YAML text's structure before the YAML library composes it.
///
/// Yams builds its node tree recursively, one stack frame (or more) per nesting level, so
/// `[[[[...` a hundred thousand deep overflows the stack and kills the process. This scan
/// walks the bytes once, with no recursion, and estimates how deep collections nest: flow
/// brackets at the start of a node, block sequence entries and mapping values, and
/// indentation. The estimate never falls below half the true depth, and pipelines nest a
/// handful of levels, so a generous limit refuses hostile files without touching real ones.
/// It also counts aliases (`*name`): pipelines need none, and an alias bomb needs many.
enum YAMLShape {
    static let maximumDepth = 64
    static let maximumAliases = 200

    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    static func problem(in text: String) -> Problem? {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    private static func scan(_ p: UnsafeBufferPointer<UInt8>) -> Problem? {
        let n = p.count
        var i = 0
        var line = 1
        var lineStart = 0
        var aliases = 0
        // Indentation columns of the block nodes enclosing the current line.
        var blockStack: [Int] = []
        var flowDepth = 0
        // Block depth where the current flow collection started.
        var flowBase = 0
        // Inside a block scalar (`|` or `>`): lines indented deeper than this belong to it.
        var blockScalarIndent: Int?

        func tooDeep(_ at: Int) -> Problem {
            Problem(line: line, column: at - lineStart + 1,
                    message: "the YAML nests deeper than \(maximumDepth) levels; a pipeline is a map of stages with flat parameters")
        }
        func isSpace(_ k: Int) -> Bool { k >= n || p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0A || p[k] == 0x0D }

        while i < n {
            // Start of a line.
            lineStart = i
            var ind = 0
            while i < n, p[i] == 0x20 { ind += 1; i += 1 }
            let contentStart = i
            var lineEnd = i
            while lineEnd < n, p[lineEnd] != 0x0A { lineEnd += 1 }
            let blank = contentStart == lineEnd || (p[contentStart] == 0x0D && contentStart + 1 == lineEnd)

            if let scalarIndent = blockScalarIndent {
                if blank || ind > scalarIndent {
                    i = lineEnd + 1; line += 1
                    continue
                }
                blockScalarIndent = nil
            }
            if blank { i = lineEnd + 1; line += 1; continue }

            var depth: Int
            var atNodeStart = true
            if flowDepth == 0 {
                while let last = blockStack.last, last >= ind { blockStack.removeLast() }
                blockStack.append(ind)
                depth = blockStack.count
                flowBase = depth
            } else {
                depth = flowBase
            }

            i = contentStart
            while i < lineEnd {
                let c = p[i]
                if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
                if c == UInt8(ascii: "#") && (i == contentStart || p[i - 1] == 0x20 || p[i - 1] == 0x09) {
                    break   // comment to the end of the line
                }
                if atNodeStart && flowDepth == 0 {
                    if c == UInt8(ascii: "|") || c == UInt8(ascii: ">") {
                        blockScalarIndent = ind
                        i = lineEnd
                        continue
                    }
                    if (c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")) && isSpace(i + 1) {
                        // Block sequence entry, complex key or value: one level deeper, and its
                        // content column is where nested lines will be indented.
                        depth += 1
                        if depth > maximumDepth { return tooDeep(i) }
                        if c != UInt8(ascii: ":") { blockStack.append(i + 2 - lineStart) }
                        i += 1
                        continue
                    }
                }
                if atNodeStart {
                    switch c {
                    case UInt8(ascii: "'"), UInt8(ascii: "\""):
                        // Quoted scalar, possibly over several lines; '' and \" escape the quote.
                        i += 1
                        while i < n {
                            if p[i] == 0x0A { line += 1; lineStart = i + 1 }
                            if c == UInt8(ascii: "\"") && p[i] == UInt8(ascii: "\\") { i += 2; continue }
                            if p[i] == c {
                                if c == UInt8(ascii: "'") && i + 1 < n && p[i + 1] == c { i += 2; continue }
                                break
                            }
                            i += 1
                        }
                        i += 1
                        if i > lineEnd {
                            // The scalar ended on a later line: continue scanning that line.
                            lineEnd = i
                            while lineEnd < n, p[lineEnd] != 0x0A { lineEnd += 1 }
                        }
                        atNodeStart = false
                        continue
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        if flowDepth == 0 { flowBase = depth }
                        flowDepth += 1
                        if flowBase + flowDepth > maximumDepth { return tooDeep(i) }
                        i += 1
                        continue
                    case UInt8(ascii: "*"):
                        aliases += 1
                        if aliases > maximumAliases {
                            return Problem(line: line, column: i - lineStart + 1,
                                           message: "the YAML uses more than \(maximumAliases) aliases (*name); a pipeline needs none, so this looks like an alias bomb")
                        }
                        i += 1
                        while i < lineEnd, !isSpace(i), p[i] != UInt8(ascii: ","), p[i] != UInt8(ascii: "]"), p[i] != UInt8(ascii: "}") { i += 1 }
                        atNodeStart = false
                        continue
                    case UInt8(ascii: "&"), UInt8(ascii: "!"):
                        // Anchor or tag: a node follows.
                        while i < lineEnd, !isSpace(i) { i += 1 }
                        continue
                    case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
                        break   // handled below, as outside a node
                    default:
                        atNodeStart = false
                        i += 1
                        continue
                    }
                }
                // Inside or after a node.
                if flowDepth > 0 {
                    switch c {
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        // Not at a node start (e.g. `a[1]`): plain text in a flow scalar is invalid
                        // YAML anyway; count it so the estimate stays an upper bound.
                        flowDepth += 1
                        if flowBase + flowDepth > maximumDepth { return tooDeep(i) }
                        atNodeStart = true
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flowDepth = max(0, flowDepth - 1)
                        atNodeStart = false
                    case UInt8(ascii: ","), UInt8(ascii: ":"):
                        atNodeStart = true
                    default:
                        break
                    }
                } else if c == UInt8(ascii: ":") && isSpace(i + 1) {
                    // A mapping value on the same line as its key.
                    depth += 1
                    if depth > maximumDepth { return tooDeep(i) }
                    atNodeStart = true
                }
                i += 1
            }
            if depth > maximumDepth { return tooDeep(contentStart) }
            i = lineEnd + 1
            line += 1
        }
        return nil
    }
}
