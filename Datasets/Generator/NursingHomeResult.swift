/// What the PBJ export holds, per home, job code and month, for the targets and the truths.
struct NursingHomeResult: Sendable {
    let homes: [NursingHome]
    /// quarters[home][job][0 employee, 1 contract][month]: hours x 4.
    var quarters: [[[[Int]]]]
    /// Resident days per home and month.
    var residentDays: [[Int]]
    var rows = 0
    var bytes = 0

    /// Employee and contract hours of one home and job code (nil: all job codes) over some months.
    func hours(_ home: Int, job: Int?, months: [Int]) -> (employee: Double, contract: Double) {
        var q = [0, 0]
        for j in quarters[home].indices where job == nil || job == j {
            for pay in 0..<2 { for m in months { q[pay] += quarters[home][j][pay][m] } }
        }
        return (Double(q[0]) / 4, Double(q[1]) / 4)
    }
}
