/// Writes `timekeeping.csv`: one row per employee, day and pay code, as a time-and-
/// attendance system exports worked and paid hours (M/D/YYYY dates, CRLF line ends).
///
/// Each unit and job code has a roster whose members work a weekly rotation. Every day the
/// unit needs target hours x workload: extra scheduled staff are sent home on quiet days,
/// gaps are offered as extra shifts (overtime past 40 hours in the Sunday-Saturday pay
/// week), then to agency staff, and what is left stays unfilled. People take PTO, leave,
/// and are replaced after a vacancy.
struct TimekeepingGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let seed: UInt64

    static let header = ["Date", "Emp ID", "Cost Center", "Job Code", "Pay Code", "Hours"]

    /// Med-Surg 3W loses twelve RNs (over a third of its RN roster) and five CNAs between
    /// November 2025 and May 2026 under a hiring freeze; overtime, and agency nurses from
    /// January, fill only part of the gap.
    static let understaffedDepartures: [String: [(Int, Int, Int)]] = [
        "RN": [(2025, 11, 7), (2025, 11, 21), (2025, 12, 5), (2025, 12, 19), (2026, 1, 9), (2026, 1, 23),
               (2026, 2, 6), (2026, 2, 27), (2026, 3, 13), (2026, 3, 27), (2026, 4, 17), (2026, 5, 8)],
        "CNA": [(2025, 12, 12), (2026, 1, 30), (2026, 2, 20), (2026, 3, 20), (2026, 4, 10)],
    ]
    static let agencyRamp: [Double] = [0.3, 0.55, 0.8, 1.0, 1.2, 1.4]   // 3W RN agency shifts a day, Jan-Jun 2026

    private struct Crew {
        let target: StaffingTarget
        let kind: UnitKind
        var employees: [Employee]
        let openDays: [Int]          // per ISO weekday: ordinal among open days, -1 when closed
        let openCount: Int
        let agencyIDs: [[UInt8]]
        let understaffed: Bool
        let minimum: Int
    }

    func generate(path: String) throws -> LaborResult {
        let n = calendar.dayCount, months = calendar.monthCount
        var crews: [Crew] = []
        var nextEmployee = 0, nextAgency = 1001
        for (index, department) in system.departments.enumerated() where department.kind.isStaffed {
            let rates = StaffingTarget.targets(for: department.kind)
            for (job, hours, shift, cents, agency, ratio) in rates {
                let target = StaffingTarget(department: index, jobCode: job, hoursPerUnit: hours, shiftHours: shift,
                                            hourlyCents: cents, agencyCents: agency, overtimeMultiplier: 1.5, maxPatients: ratio)
                var rng = RandomSource(seed: seed, stream: "roster/\(department.label)/\(job)")
                let open: [Int]
                if department.kind == .clinic {
                    open = department.weekday[5] > 0 ? [0, 1, 2, 3, 4, 5, -1] : [0, 1, 2, 3, 4, -1, -1]
                } else {
                    open = [0, 1, 2, 3, 4, 5, 6]
                }
                let openCount = open.filter { $0 >= 0 }.count
                // Size the roster on the busiest year's expected workload (before the planted
                // growth), net of PTO, with a little slack: quiet days send people home.
                var volume = 0.0
                for year in 0..<DemoCalendar.fiscalYears {
                    var total = 0.0
                    for d in (year * 365)..<min(calendar.dayCount, (year + 1) * 365) { total += census.budgeted[index][d] }
                    volume = max(volume, total / 365)
                }
                let weeklyShifts = hours * volume * 7 / Double(shift)
                let averageShifts = shift == 12 ? 2.7 : 4.45
                let positions = max(2, Int((weeklyShifts / (averageShifts * 0.92) * (shift == 12 ? 1.04 : 1.07)).rounded(.up)))
                let departures = department.facility == 0 && department.code == 6020 ? TimekeepingGenerator.understaffedDepartures[job] : nil
                let understaffed = departures != nil
                var chains: [[(hire: Int, departure: Int, shifts: Int)]] = []
                for _ in 0..<positions {
                    chains.append(chain(&rng, firstHire: -rng.int(in: 30...3000), shift: shift))
                }
                if let growth = department.growthStart {
                    let extra = Int((Double(positions) * (department.growthFactor - 1)).rounded())
                    for _ in 0..<max(1, extra) {
                        chains.append(chain(&rng, firstHire: growth - 15, shift: shift))
                    }
                }
                // PRN (per diem) staff: on no rotation, called in for gaps first. 3W's PRN pool
                // leaves when its troubles start.
                let prnEnd = understaffed ? DemoCalendar.index(2025, 10, 31) : Int.max
                for _ in 0..<max(2, positions / 8) {
                    let incumbents = chain(&rng, firstHire: -rng.int(in: 30...3000), shift: shift).filter { $0.hire < prnEnd }
                    chains.append(incumbents.map { ($0.hire, min($0.departure, prnEnd), 0) })
                }
                if let departures {
                    var k = 0
                    for date in departures {
                        let day = DemoCalendar.index(date.0, date.1, date.2)
                        while k < chains.count {
                            if let current = chains[k].firstIndex(where: { $0.hire <= day && $0.departure > day }) {
                                chains[k] = Array(chains[k][...current])
                                chains[k][current].departure = day
                                k += 1
                                break
                            }
                            k += 1
                        }
                    }
                }
                var employees: [Employee] = []
                for (p, incumbents) in chains.enumerated() {
                    for incumbent in incumbents {
                        employees.append(Employee(id: TimekeepingGenerator.employeeID(nextEmployee), crew: crews.count,
                                                  shiftsPerWeek: min(incumbent.shifts, openCount), rotation: (p * 3) % openCount,
                                                  hire: incumbent.hire, departure: incumbent.departure))
                        nextEmployee += 1
                    }
                }
                employees.sort { $0.id.lexicographicallyPrecedes($1.id) }
                var agencyIDs: [[UInt8]] = []
                for _ in 0..<8 {
                    agencyIDs.append(Array("AG\(nextAgency)".utf8))
                    nextAgency += 1
                }
                let minimum = job == "RN" && department.kind.isInpatient ? (department.kind == .icu || department.kind == .laborDelivery ? 2 : 1) : 0
                crews.append(Crew(target: target, kind: department.kind, employees: employees, openDays: open, openCount: openCount,
                                  agencyIDs: agencyIDs, understaffed: understaffed, minimum: minimum))
            }
        }

        let departments = system.departments.count
        var result = LaborResult(targets: crews.map(\.target),
                                 quarters: Array(repeating: Array(repeating: Array(repeating: 0, count: months), count: 4), count: crews.count),
                                 regularCents: Array(repeating: Array(repeating: 0, count: months), count: departments),
                                 overtimeCents: Array(repeating: Array(repeating: 0, count: months), count: departments),
                                 agencyCents: Array(repeating: Array(repeating: 0, count: months), count: departments),
                                 employees: nextEmployee, rows: 0, bytes: 0)
        var rngs = crews.map { RandomSource(seed: seed, stream: "shifts/\(system.departments[$0.target.department].label)/\($0.target.jobCode)") }
        let writer = try ExportWriter(path: path, header: TimekeepingGenerator.header, lineEnding: .crlf)
        let centers = system.departments.map { ExportWriter.encode($0.label) }
        let codes = LaborResult.PayType.allCases.map { Array($0.code.utf8) }
        var dayRows: [(order: Int, type: Int, quarters: Int)] = []
        var scheduled: [Int] = [], candidates: [Int] = []
        var status: [Int] = []   // per employee of the crew today: 0 off, 1 working, 2 PTO

        for d in 0..<n {
            let weekday = calendar.weekday[d]
            let m = calendar.monthIndex[d]
            let month = calendar.month[d]
            let ptoSeason: Double = [0.85, 0.85, 0.9, 0.9, 0.95, 1.3, 1.3, 1.3, 0.85, 0.9, 1.1, 1.5][month - 1]
            for c in 0..<crews.count {
                let target = crews[c].target
                let department = target.department
                let quartersPerShift = target.shiftHours * 4
                if weekday == 7 {
                    for e in 0..<crews[c].employees.count {
                        crews[c].employees[e].weekQuarters = 0
                        crews[c].employees[e].weekExtraShifts = 0
                    }
                }
                let volume = census.actual[department][d]
                var needed = 0
                if volume > 0 {
                    let hours = target.hoursPerUnit * Double(volume) * (1 + 0.02 * rngs[c].normal())
                    let shifts = hours / Double(target.shiftHours)
                    needed = Int(shifts.rounded(.down)) + (rngs[c].uniform() < shifts - shifts.rounded(.down) ? 1 : 0)
                    needed = max(needed, crews[c].minimum)
                }
                let ordinal = crews[c].openDays[weekday - 1]
                let closedHoliday = crews[c].kind == .clinic && calendar.isHoliday[d]
                dayRows.removeAll(keepingCapacity: true)
                scheduled.removeAll(keepingCapacity: true)
                status = Array(repeating: 0, count: crews[c].employees.count)
                for e in 0..<crews[c].employees.count {
                    let employee = crews[c].employees[e]
                    guard employee.isActive(d), ordinal >= 0,
                          employee.isScheduled(ordinal: ordinal, openDays: crews[c].openCount) else { continue }
                    if closedHoliday || rngs[c].uniform() < 0.075 * ptoSeason {
                        status[e] = 2
                        dayRows.append((e, LaborResult.PayType.pto.rawValue, quartersPerShift))
                        continue
                    }
                    scheduled.append(e)
                }
                // Quiet day: send the extra staff home (some take PTO).
                while scheduled.count > needed {
                    let k = rngs[c].int(in: 0...(scheduled.count - 1))
                    let e = scheduled.remove(at: k)
                    if !closedHoliday && rngs[c].uniform() < 0.15 {
                        status[e] = 2
                        dayRows.append((e, LaborResult.PayType.pto.rawValue, quartersPerShift))
                    }
                }
                for e in scheduled { status[e] = 1 }
                var short = needed - scheduled.count
                // Gaps go first to PRN staff (up to three shifts a week), then as extra shifts
                // to those off today (at most one a week each).
                for prn in [true, false] where short > 0 {
                    let accept = prn ? 0.6 : overtimeAcceptance(understaffed: crews[c].understaffed, day: d)
                    candidates.removeAll(keepingCapacity: true)
                    for e in 0..<crews[c].employees.count where status[e] == 0 && crews[c].employees[e].isActive(d) {
                        let employee = crews[c].employees[e]
                        guard (employee.shiftsPerWeek == 0) == prn, employee.weekExtraShifts < (prn ? 3 : 1),
                              employee.weekQuarters + quartersPerShift <= 192 else { continue }
                        candidates.append(e)
                    }
                    rngs[c].shuffle(&candidates)
                    for e in candidates where short > 0 {
                        if rngs[c].uniform() < accept {
                            status[e] = 1
                            crews[c].employees[e].weekExtraShifts += 1
                            scheduled.append(e)
                            short -= 1
                        }
                    }
                }
                // Agency staff, then nobody.
                if short > 0 {
                    // Agency supply: the mean rounded up or down at random, so it tracks the ramp.
                    let mean = agencyShifts(crew: crews[c], day: d)
                    let available = Int(mean.rounded(.down)) + (rngs[c].uniform() < mean - mean.rounded(.down) ? 1 : 0)
                    let booked = min(short, available)
                    for k in 0..<booked {
                        dayRows.append((crews[c].employees.count + k, LaborResult.PayType.agency.rawValue, quartersPerShift))
                    }
                    short -= booked
                }
                for e in scheduled {
                    let before = crews[c].employees[e].weekQuarters
                    let regular = min(quartersPerShift, max(0, 160 - before))
                    var overtime = quartersPerShift - regular
                    if rngs[c].uniform() < 0.15 { overtime += rngs[c].int(in: 1...6) }   // stayed late
                    crews[c].employees[e].weekQuarters = before + regular + overtime
                    if regular > 0 { dayRows.append((e, LaborResult.PayType.regular.rawValue, regular)) }
                    if overtime > 0 { dayRows.append((e, LaborResult.PayType.overtime.rawValue, overtime)) }
                }
                dayRows.sort { $0.order != $1.order ? $0.order < $1.order : $0.type < $1.type }
                for row in dayRows {
                    writer.field(calendar.usDate[d])
                    if row.order < crews[c].employees.count {
                        writer.field(crews[c].employees[row.order].id)
                    } else {
                        let agents = crews[c].agencyIDs
                        writer.field(agents[(row.order - crews[c].employees.count + d) % agents.count])
                    }
                    writer.field(centers[department])
                    writer.text(target.jobCode)
                    writer.field(codes[row.type])
                    writer.quarterHours(row.quarters)
                    writer.endRow()
                    result.quarters[c][row.type][m] += row.quarters
                    switch LaborResult.PayType(rawValue: row.type)! {
                    case .regular, .pto: result.regularCents[department][m] += row.quarters * target.hourlyCents / 4
                    case .overtime: result.overtimeCents[department][m] += Int((Double(row.quarters * target.hourlyCents) * target.overtimeMultiplier / 4).rounded())
                    case .agency: result.agencyCents[department][m] += row.quarters * target.agencyCents / 4
                    }
                }
            }
        }
        result.rows = writer.rowsWritten
        try writer.commit()
        result.bytes = writer.bytesWritten
        return result
    }

    /// Incumbents of one position: tenure about seven years on average, then a vacancy of
    /// 45-110 days before the next hire.
    private func chain(_ rng: inout RandomSource, firstHire: Int, shift: Int) -> [(hire: Int, departure: Int, shifts: Int)] {
        var result: [(hire: Int, departure: Int, shifts: Int)] = []
        var hire = firstHire
        while hire < calendar.dayCount {
            let departure = hire + Int(rng.exponential(mean: 365 * 7).rounded()) + 1
            let u = rng.uniform()
            let shifts = shift == 12 ? (u < 0.75 ? 3 : (u < 0.95 ? 2 : 1)) : (u < 0.6 ? 5 : (u < 0.85 ? 4 : 3))
            result.append((hire, departure, shifts))
            hire = departure + rng.int(in: 45...110)
        }
        return result
    }

    /// Chance that someone off today takes an extra shift; 3W's RNs are pressed harder as
    /// the vacancies pile up.
    private func overtimeAcceptance(understaffed: Bool, day d: Int) -> Double {
        guard understaffed else { return 0.4 }
        return calendar.monthIndex[d] < DemoCalendar.monthIndex(2025, 11) ? 0.4 : 0.25
    }

    /// Agency shifts a unit can book on a day (mean of a Poisson draw).
    private func agencyShifts(crew: Crew, day d: Int) -> Double {
        let m = calendar.monthIndex[d]
        if crew.understaffed && crew.target.jobCode == "RN" {
            let first = DemoCalendar.monthIndex(2026, 1)
            return m >= first ? TimekeepingGenerator.agencyRamp[min(m - first, 5)] : 0
        }
        // The ED leaned on agency nurses through the 2023-24 winter.
        if crew.kind == .emergency && crew.target.jobCode == "RN" && (5...7).contains(m) { return 0.4 }
        return 0
    }

    /// A fictional employee number: `E` and five digits, spread by a fixed permutation.
    static func employeeID(_ k: Int) -> [UInt8] {
        if k < 89_999 { return Array("E\(10_000 + (k * 7919) % 89_999)".utf8) }
        return Array("E\(1_000_000 + k)".utf8)
    }
}
