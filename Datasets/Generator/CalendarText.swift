/// Date texts for messages and JSON.
enum CalendarText {
    static func iso(_ date: (Int, Int, Int)) -> String {
        "\(date.0)-\(date.1 < 10 ? "0" : "")\(date.1)-\(date.2 < 10 ? "0" : "")\(date.2)"
    }
}
