/// Writes `nursing_home_targets.csv`: per home and job code the target hours per resident
/// day, budgeted FTEs for FY2026 (target x the home's mean residents x 365 over 2,080 x 0.9
/// productive hours) and pay rates — the staffing targets the PBJ export is planned against.
struct NursingHomeTargetsExport {
    let homes: [NursingHome]

    static let header = ["Facility", "Job Code", "Target HPRD", "Budgeted FTE", "Hourly Rate", "Agency Rate"]

    func write(path: String) throws -> (rows: Int, bytes: Int) {
        let writer = try ExportWriter(path: path, header: NursingHomeTargetsExport.header)
        for home in homes {
            for job in NursingHome.jobs {
                let fte = job.hprd * home.residents * 365 / StaffingTargetsExport.productiveHoursPerFTE
                writer.text(home.name)
                writer.text(job.code)
                writer.fixed(job.hprd, decimals: 2)
                writer.fixed((fte * 10).rounded() / 10, decimals: 1)
                writer.dollars(job.hourlyCents)
                writer.dollars(job.agencyCents)
                writer.endRow()
            }
        }
        try writer.commit()
        return (writer.rowsWritten, writer.bytesWritten)
    }
}
