#if canImport(Glibc)
import Glibc
#endif

/// Messages for people go to standard error, so `--out -` keeps standard output for data.
public enum StandardError {
    public static func write(_ text: String) {
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

    public static var isTerminal: Bool { isatty(2) != 0 }
}
