import Tabular

/// Writes `shifts.csv` (census by 12-hour shift) and `timekeeping_spans.csv` (one punch
/// in/out span per nurse and shift) for the inpatient units' RNs and CNAs over the last six
/// months of the history, from its own random stream, so the other exports stay byte-identical.
///
/// Every shift is staffed to its ratio (ceil(patients / max)) plus sometimes one; staff punch
/// in up to 12 minutes early and out up to 25 minutes late, so handovers overlap. Planted:
/// on six dates Telemetry's night has one RN fewer than the ratio needs while its day shift
/// has two more, so the day's RN hours per patient day, and its patients per RN averaged over
/// the day, look as good as any other day's.
struct ShiftGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let seed: UInt64

    static let shiftsHeader = ["Date", "Shift", "Cost Center", "Patients", "Start", "End"]
    static let spansHeader = ["Date", "Emp ID", "Cost Center", "Job Code", "Pay Code", "Hours", "In", "Out"]
    static let firstDay = DemoCalendar.index(2026, 1, 1)
    static let plantedNights = 6

    struct Output {
        var shiftRows = 0, shiftBytes = 0, spanRows = 0, spanBytes = 0
        /// The planted unit, its ratio, and per short night: date, night patients and RNs, day patients and RNs.
        var plantedUnit = ""
        var plantedMax = 0
        var shortNights: [(date: String, nightPatients: Int, nightRNs: Int, dayPatients: Int, dayRNs: Int)] = []
    }

    func generate(shiftsPath: String, spansPath: String) throws -> Output {
        var output = Output()
        let shifts = try ExportWriter(path: shiftsPath, header: ShiftGenerator.shiftsHeader)
        let spans = try ExportWriter(path: spansPath, header: ShiftGenerator.spansHeader)
        let planted = system.department(.telemetry)
        var pick = RandomSource(seed: seed, stream: "shifts/planted")
        var nights = Set<Int>()
        while nights.count < ShiftGenerator.plantedNights {
            nights.insert(pick.int(in: ShiftGenerator.firstDay...(calendar.dayCount - 2)))
        }
        output.plantedUnit = system.departments[planted].label
        let units = system.departments.indices.filter { system.departments[$0].kind.isInpatient }
        let labels = system.departments.map { ExportWriter.encode($0.label) }
        for d in ShiftGenerator.firstDay..<calendar.dayCount {
            let date = calendar.isoDate[d], next = d + 1 < calendar.dayCount ? Array(calendar.usDate[d + 1]) : nextUSDate(d)
            for u in units {
                let department = system.departments[u]
                var rng = RandomSource(seed: seed, stream: "shifts/\(department.label)/\(d)")
                let nightPatients = census.actual[u][d]
                let dayPatients = census.actual[u][d] + rng.int(in: 0...2)
                for (name, patients, start, end) in [("Day", dayPatients, "07:00", "19:00"), ("Night", nightPatients, "19:00", "07:00")] {
                    shifts.field(date); shifts.text(name); shifts.field(labels[u]); shifts.int(patients); shifts.text(start); shifts.text(end)
                    shifts.endRow()
                }
                for (job, limit) in StaffingTarget.targets(for: department.kind).compactMap({ t in t.5.map { (t.0, $0) } }) where job == "RN" || job == "CNA" {
                    var dayStaff = (dayPatients + limit - 1) / limit + (rng.bernoulli(0.35) ? 1 : 0)
                    var nightStaff = (nightPatients + limit - 1) / limit + (rng.bernoulli(0.35) ? 1 : 0)
                    if u == planted && job == "RN" && nights.contains(d) {
                        output.plantedMax = limit
                        dayStaff = (dayPatients + limit - 1) / limit + 2
                        nightStaff = max(1, (nightPatients + limit - 1) / limit - 1)
                        output.shortNights.append((String(decoding: date, as: UTF8.self), nightPatients, nightStaff, dayPatients, dayStaff))
                    }
                    for (shift, count, startHour, crosses) in [("D", dayStaff, 7, false), ("N", nightStaff, 19, true)] {
                        for k in 0..<count {
                            let early = rng.int(in: 0...12), late = rng.int(in: 0...25)
                            let pay = rng.bernoulli(0.06) ? "OT" : (rng.bernoulli(0.03) ? "AGY" : "REG")
                            spans.field(calendar.usDate[d])
                            spans.text("E\(department.code + 10_000 * department.facility)\(job)\(shift)\(k)")
                            spans.field(labels[u]); spans.text(job); spans.text(pay); spans.int(12)
                            let inMinute = startHour * 60 - early, outMinute = (startHour + 12) * 60 + late
                            spans.field(calendar.usDate[d] + Array(" \(clock(inMinute))".utf8))
                            spans.field((crosses ? next : Array(calendar.usDate[d])) + Array(" \(clock(outMinute % 1_440))".utf8))
                            spans.endRow()
                        }
                    }
                }
            }
        }
        try shifts.commit()
        try spans.commit()
        output.shiftRows = shifts.rowsWritten; output.shiftBytes = shifts.bytesWritten
        output.spanRows = spans.rowsWritten; output.spanBytes = spans.bytesWritten
        output.shortNights.sort { $0.date < $1.date }
        return output
    }

    /// `6:48` or `19:25`: a time clock's export.
    func clock(_ minute: Int) -> String {
        let m = minute % 60
        return "\(minute / 60):\(m < 10 ? "0" : "")\(m)"
    }

    /// The day after the history's last day, as M/D/YYYY.
    func nextUSDate(_ d: Int) -> [UInt8] {
        let c = DemoCalendar.firstDay.adding(days: d + 1).components
        return Array("\(c.month)/\(c.day)/\(c.year)".utf8)
    }

    /// The planted truth for planted_truths.json.
    static func truth(_ output: Output) -> JSONValue {
        .object([
            ("id", .string("short_night_shifts")), ("kind", .string("staffing")),
            ("summary", .string("\(output.plantedUnit)'s night shift has one RN fewer than its 1:\(output.plantedMax) ratio needs on \(output.shortNights.count) dates, while its day shift has two more than needed, so the day's RN hours per patient day and its patients per RN averaged over the day look fine; checked per shift (the fewest RNs on duty from timekeeping_spans.csv against the night census in shifts.csv) exactly those nights are not compliant, and no other shift of any unit is.")),
            ("files", .array([.string("shifts.csv"), .string("timekeeping_spans.csv"), .string("staffing_targets.csv")])),
            ("unit", .string(output.plantedUnit)), ("job_code", .string("RN")), ("shift", .string("Night")),
            ("max_patients_per_staff", .int(output.plantedMax)),
            ("short_nights", .array(output.shortNights.map { n in
                .object([("date", .string(n.date)), ("night_patients", .int(n.nightPatients)), ("night_rns", .int(n.nightRNs)),
                         ("day_patients", .int(n.dayPatients)), ("day_rns", .int(n.dayRNs)),
                         ("patients_per_rn_over_the_day", .fixed(Double(n.nightPatients + n.dayPatients) / Double(n.nightRNs + n.dayRNs), 2))])
            })),
        ])
    }
}
