import Pipeline

/// Messages for people go to standard error, so `--out -` keeps standard output clean for data.
enum Diagnostics {
    static func error(_ message: String) {
        StandardError.write(message.hasSuffix("\n") ? message : message + "\n")
    }

    static func info(_ message: String) {
        StandardError.write(message + "\n")
    }
}
