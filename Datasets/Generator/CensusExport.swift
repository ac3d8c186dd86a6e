/// Writes `census.csv`: one row per unit and day (ISO dates). Inpatient units report
/// midnight census as patient days; the ED and the clinics report visits, repeated in the
/// Patient Days column as their workload statistic.
struct CensusExport {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData

    static let header = ["Date", "Cost Center", "Patient Days", "Admissions", "Visits"]

    func write(path: String) throws -> (rows: Int, bytes: Int) {
        let writer = try ExportWriter(path: path, header: CensusExport.header)
        let units = system.departments.indices.filter { system.departments[$0].kind.isStaffed }
        let labels = system.departments.map { ExportWriter.encode($0.label) }
        for d in 0..<calendar.dayCount {
            for u in units {
                let kind = system.departments[u].kind
                writer.field(calendar.isoDate[d])
                writer.field(labels[u])
                writer.int(census.actual[u][d])
                writer.int(census.admissions[u][d])
                if kind.isInpatient { writer.empty() } else { writer.int(census.actual[u][d]) }
                writer.endRow()
            }
        }
        try writer.commit()
        return (writer.rowsWritten, writer.bytesWritten)
    }
}
