#if canImport(Glibc)
import Glibc
#endif

/// Messages for people go to standard error, so `--out -` keeps standard output clean for data.
enum Diagnostics {
    static func error(_ message: String) {
        write(message.hasSuffix("\n") ? message : message + "\n")
    }

    static func info(_ message: String) {
        write(message + "\n")
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
