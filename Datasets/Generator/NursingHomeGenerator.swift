/// Writes `nursing_home_pbj.csv` in the layout of the federal PBJ daily nurse staffing
/// files: one row per home and day, `WorkDate` as `YYYYMMDD`, `MDScensus`, and per job code
/// `Hrs_RN` (total) with `Hrs_RN_emp` and `Hrs_RN_ctr` (employees, contract). LF line ends.
///
/// Each day a home needs target HPRD x residents hours per job code (10% fewer on weekends,
/// 5% noise), in quarter hours; each whole 8-hour shift goes to agency with the home's share.
struct NursingHomeGenerator {
    let calendar: DemoCalendar
    let homes: [NursingHome]
    let seed: UInt64

    static let state = "ZZ"

    static var header: [String] {
        ["PROVNUM", "PROVNAME", "CITY", "STATE", "CY_Qtr", "WorkDate", "MDScensus"]
            + NursingHome.jobs.flatMap { ["Hrs_\($0.code)", "Hrs_\($0.code)_emp", "Hrs_\($0.code)_ctr"] }
    }

    func generate(path: String) throws -> NursingHomeResult {
        let n = calendar.dayCount, months = calendar.monthCount, jobs = NursingHome.jobs
        var result = NursingHomeResult(homes: homes,
                                       quarters: Array(repeating: Array(repeating: Array(repeating: Array(repeating: 0, count: months), count: 2), count: jobs.count), count: homes.count),
                                       residentDays: Array(repeating: Array(repeating: 0, count: months), count: homes.count))
        let workDates = calendar.isoDate.map { $0.filter { $0 != UInt8(ascii: "-") } }
        let quarterLabels = (0..<n).map { d -> [UInt8] in
            let year = calendar.year[d], quarter = (calendar.month[d] - 1) / 3 + 1
            return Array("\(year)Q\(quarter)".utf8)
        }
        let writer = try ExportWriter(path: path, header: NursingHomeGenerator.header)
        let state = ExportWriter.encode(NursingHomeGenerator.state)
        for (h, home) in homes.enumerated() {
            var rng = RandomSource(seed: seed, stream: "nursing/\(home.provider)")
            let provider = ExportWriter.encode(home.provider), name = ExportWriter.encode(home.name), city = ExportWriter.encode(home.city)
            let change = home.rnAgencyChange.map { (DemoCalendar.index($0.from.0, $0.from.1, $0.from.2), $0.share) }
            var deviation = 0.0
            for d in 0..<n {
                deviation = 0.96 * deviation + rng.normal(mean: 0, sd: 1.3)
                let residents = min(home.beds, max(0, Int((home.residents + deviation).rounded())))
                let m = calendar.monthIndex[d]
                result.residentDays[h][m] += residents
                writer.field(provider); writer.field(name); writer.field(city); writer.field(state)
                writer.field(quarterLabels[d]); writer.field(workDates[d])
                writer.int(residents)
                let weekend = calendar.weekday[d] >= 6 ? NursingHome.weekendFactor : 1
                for (j, job) in jobs.enumerated() {
                    let needed = job.hprd * Double(residents) * weekend * (1 + 0.05 * rng.normal())
                    let quarters = max(0, Int((needed * 4).rounded()))
                    var share = home.agencyShare[job.code] ?? 0
                    if job.code == "RN", let change, d >= change.0 { share = change.1 }
                    var contract = 0
                    for _ in 0..<(quarters / 32) where rng.bernoulli(share) { contract += 32 }
                    result.quarters[h][j][0][m] += quarters - contract
                    result.quarters[h][j][1][m] += contract
                    writer.quarterHours(quarters)
                    writer.quarterHours(quarters - contract)
                    writer.quarterHours(contract)
                }
                writer.endRow()
            }
        }
        result.rows = writer.rowsWritten
        try writer.commit()
        result.bytes = writer.bytesWritten
        return result
    }
}
