/// Writes `pharmacy_monthly_sheet.csv`: the pharmacy's monthly item sheet as an older Windows
/// spreadsheet saves it — Windows-1252 text (not UTF-8), CRLF, no byte-order mark — with one
/// row per medication and one column per month headed `JUL23` .. `JUN26`. It exists so the
/// demo has a month-name, non-UTF-8, one-column-per-month export for `unpivot:` to read.
///
/// Each month cell is the sum of that medication's daily doses in the dispensing sheet, so
/// the two files agree to the dose; months before a medication was stocked or after it was
/// dropped are empty, stocked months with no doses are `0`. Descriptions are the medication
/// names as a pharmacist types them: `µg` for mcg and an en dash in ranges (`400–57 mg`).
struct PharmacyMonthlySheetExport {
    let calendar: DemoCalendar
    let pharmacy: PharmacyResult

    static let leadingHeader = ["Item Code", "Description", "Pack Size", "Lead Time (Days)", "Unit Cost"]
    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// `JUL23` for month index 0.
    static func monthHeader(_ m: Int) -> String {
        let year = 2023 + (m + 6) / 12, month = (m + 6) % 12
        return monthNames[month] + String(year % 100)
    }

    /// The sheet's item code of the k-th medication column of the dispensing sheet.
    static func code(_ k: Int) -> String { "RX\(10_000 + 10 * (k + 1))" }

    /// The description the sheet shows for a medication name.
    static func description(_ name: String) -> String {
        var out = ""
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("mcg") ? "\u{B5}g" + $0.dropFirst(3) : String($0) }
        let characters = Array(words.joined(separator: " "))
        for (i, c) in characters.enumerated() {
            let between = i > 0 && i + 1 < characters.count && characters[i - 1].isNumber && characters[i + 1].isNumber
            out.append(c == "-" && between ? "\u{2013}" : c)
        }
        return out
    }

    /// Each medication's doses per month, and whether it was stocked that month.
    func monthlyDoses() -> [(doses: [Int], stocked: [Bool])] {
        pharmacy.medications.indices.map { k in
            let medication = pharmacy.medications[k].medication
            let start = medication.introduced.map { DemoCalendar.index($0.0, $0.1, $0.2) } ?? 0
            let end = medication.discontinued.map { DemoCalendar.index($0.0, $0.1, $0.2) + 1 } ?? calendar.dayCount
            var doses = [Int](repeating: 0, count: calendar.monthCount)
            var stocked = [Bool](repeating: false, count: calendar.monthCount)
            for d in 0..<calendar.dayCount {
                let m = calendar.monthIndex[d]
                doses[m] += Int(pharmacy.daily[k][d])
                if d >= start && d < end { stocked[m] = true }
            }
            return (doses, stocked)
        }
    }

    func write(path: String) throws -> (rows: Int, bytes: Int) {
        let header = PharmacyMonthlySheetExport.leadingHeader + (0..<calendar.monthCount).map(PharmacyMonthlySheetExport.monthHeader)
        let writer = try ExportWriter(path: path, header: header, lineEnding: .crlf, windows1252: true)
        for (k, months) in monthlyDoses().enumerated() {
            let entry = pharmacy.medications[k]
            writer.text(PharmacyMonthlySheetExport.code(k))
            writer.text(PharmacyMonthlySheetExport.description(entry.column))
            writer.int(entry.medication.pack)
            writer.fixed(entry.medication.supplier.vendor.leadTimeDays, decimals: 1)
            writer.cents(pharmacy.prices[k][pharmacy.prices[k].count - 1].cents)
            for m in 0..<calendar.monthCount {
                if months.stocked[m] { writer.int(months.doses[m]) } else { writer.empty() }
            }
            writer.endRow()
        }
        try writer.commit()
        return (writer.rowsWritten, writer.bytesWritten)
    }
}
