extension DateParser {
    /// The message for a fiscal period label (`FY2024 P01`, `P07 FY24`, `2024-P01`, SAP's
    /// `007/2024`, a fiscal quarter `FY2027-Q1`, a fiscal year `FY2024`); nil for anything else.
    ///
    /// Such a label names a month only through the organisation's fiscal calendar: its first
    /// month and whether `FY2024` is the year the fiscal year ends or starts in. Neither can be
    /// read from the label, and a guess a year off would misdate every row without a word, so
    /// the label is rejected with what to export instead and, as an example, the month it is
    /// under the default calendar (July, named by the year it ends in).
    static func fiscalPeriodHint(_ text: Substring) -> String? {
        // Runs of letters and of digits; spaces, dashes, slashes, dots and underscores only separate.
        var tokens: [String] = []
        var current = "", currentIsDigit = false
        for c in text.uppercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                if !current.isEmpty && c.isNumber != currentIsDigit { tokens.append(current); current = "" }
                current.append(c)
                currentIsDigit = c.isNumber
            } else if " -/._".contains(c) {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                return nil
            }
        }
        if !current.isEmpty { tokens.append(current) }

        func year(_ t: String) -> Int? {
            guard t.count == 2 || t.count == 4, let y = Int(t) else { return nil }
            return t.count == 2 ? 2000 + y : y
        }
        let periodWords: Set<String> = ["P", "PER", "PERIOD", "M"]
        var fiscalYear: Int?, period: Int?, quarter: Int?, sap = false
        if tokens.count == 2 && tokens[0] == "FY", let y = year(tokens[1]), (1900...2200).contains(y) {
            return "'\(String(text).clipped)' is not a date: it is a fiscal year; export amounts by calendar month (spread over its months as you phase them) or by day"
        }
        switch tokens.count {
        case 4 where tokens[0] == "FY" && periodWords.contains(tokens[2]):
            fiscalYear = year(tokens[1]); period = Int(tokens[3])
        case 4 where tokens[0] == "FY" && tokens[2] == "Q":
            fiscalYear = year(tokens[1]); quarter = Int(tokens[3])
        case 4 where periodWords.contains(tokens[0]) && tokens[2] == "FY":
            period = Int(tokens[1]); fiscalYear = year(tokens[3])
        // `2025M01` is a statistical office's calendar month (read), `2025M13` no month at all.
        case 3 where tokens[0].count == 4 && periodWords.contains(tokens[1]) && tokens[1] != "M":
            fiscalYear = year(tokens[0]); period = Int(tokens[2])
        case 2 where tokens[0].count == 3 && tokens[1].count == 4 && tokens[0].allSatisfy(\.isNumber):
            period = Int(tokens[0]); fiscalYear = year(tokens[1]); sap = true
        default:
            return nil
        }
        guard let fiscalYear, (1900...2200).contains(fiscalYear) else { return nil }
        let fix = "the tool reads calendar dates and months: export each row's calendar month (or the period's last day) instead"
        if let quarter {
            guard (1...4).contains(quarter) else { return nil }
            return "'\(String(text).clipped)' is a fiscal quarter, which names months only through the fiscal calendar; \(fix)"
        }
        guard let period, (1...16).contains(period) else { return nil }
        let kind = sap ? "an SAP fiscal period (period \(period) of fiscal year \(fiscalYear))" : "a fiscal period"
        var example = ""
        if (1...12).contains(period) {
            let month = (6 + period - 1) % 12 + 1
            let calendarYear = month >= 7 ? fiscalYear - 1 : fiscalYear
            example = " (with fiscal years from July named by the year they end in, it is \(calendarYear)-\(month < 10 ? "0" : "")\(month))"
        }
        return "'\(String(text).clipped)' is \(kind), which names a month only through the fiscal calendar; \(fix)\(example)"
    }
}
