import Foundation

extension BadInputCorpus {
    /// A new user's review of `inspect` (s36): ordinary ERP headers left out of the map without a
    /// word, a block of lines an overlapping paged export repeated, a stray Windows-1252 byte in
    /// a UTF-8 file, a per-job-code timekeeping sheet with no unpivot; and `--columns
    /// 'actuals=department=Dept'`, whose message contradicted itself.
    static func inspectReviewCases() -> [CorpusCase] {
        let usage = CSVInput.usage
        var strayByte = Data("date,item,dept\n2026-01-05,A,Caf\u{E9} Cr\u{E8}me\n2026-01-06,A,Cirug".utf8)
        strayByte.append(0xED)
        strayByte.append(Data("a\n".utf8))
        var actualsByDot = CorpusCase(kind: .actuals, name: "--columns actuals=department=Dept, a kind written with '=' for '.'",
                                      files: files(CSVInput.actuals).merging([CSVInput.actuals.file: Data(CSVInput.actuals.contents)]) { _, own in own },
                                      arguments: CSVInput.actuals.arguments + ["--columns", "actuals=department=Dept"],
                                      expectation: .usageError(says: ["--columns has 'actuals=department=Dept', read as a role 'actuals'",
                                                                      "written with a dot, not '=': --columns 'actuals.department=Dept'"]))
        actualsByDot.absentAfterFailure = ["out"]
        return [
            CorpusCase(kind: .items, name: "inspect of an item master with ERP headers (Vendor Name, Std Cost, Pkg Qty, Crit)",
                       files: ["items.csv": Data("Item Number,Vendor Name,Std Cost,Purchase UOM,Pkg Qty,Crit\nPIP4.5,Cardinal Health,12.00,EA,10,V\n".utf8)],
                       arguments: ["inspect", "items.csv", "--kind", "items"],
                       expectation: .inspected(says: ["vendor=\"Vendor Name\",unit_cost=\"Std Cost\"", "pack_size=\"Pkg Qty\",criticality=Crit",
                                                      "not read: 'Purchase UOM' (if it is the uom, add uom=\"Purchase UOM\" to the map)"])),
            CorpusCase(kind: .inventory, name: "inspect of a stock count with Qty On Order",
                       files: ["stock.csv": Data("Item Number,QOH,Qty On Order\nPIP4.5,200,1000\n".utf8)],
                       arguments: ["inspect", "stock.csv", "--kind", "inventory"],
                       expectation: .inspected(says: ["on_order=\"Qty On Order\""])),
            CorpusCase(kind: usage.kind, name: "inspect of an export pulled in overlapping pages (a block of lines repeated)",
                       files: ["paged.csv": Data("date,time,item,quantity\n2026-03-02,09:00,A,12\n2026-03-03,10:00,A,12\n2026-03-04,11:00,A,12\n2026-03-05,12:00,B,3\n2026-03-04,11:00,A,12\n2026-03-05,12:00,B,3\n2026-03-06,13:00,B,3\n".utf8)],
                       arguments: ["inspect", "paged.csv", "--kind", "usage"],
                       expectation: .inspected(says: ["warning: 2 data lines repeat earlier lines exactly: lines 6-7 repeat lines 4-5 exactly (an export pulled in overlapping pages?); the import reads each as a row of its own"])),
            CorpusCase(kind: usage.kind, name: "inspect of a UTF-8 file with one Windows-1252 byte",
                       files: ["mixed.csv": strayByte],
                       arguments: ["inspect", "mixed.csv", "--encoding", "utf-8"],
                       expectation: .inspected(says: ["encoding: UTF-8", "warning: line 3, 'dept':", "is not valid UTF-8 (byte 0xED", "the import rejects that row"])),
            CorpusCase(kind: usage.kind, name: "inspect of a UTF-8 file with one Windows-1252 line, read line by line as the import reads it",
                       files: ["mixed.csv": strayByte],
                       arguments: ["inspect", "mixed.csv"],
                       expectation: .inspected(says: ["encoding: UTF-8 (read as Windows-1252 and UTF-8, line by line", "1 line with non-ASCII text in Windows-1252 (the first line 3)"])),
            CorpusCase(kind: .timekeeping, name: "inspect of a per-job-code timekeeping sheet (RN Reg Hrs, RN OT Hrs, ...)",
                       files: ["tk.csv": Data("Pay Period End,Cost Center,RN Reg Hrs,RN OT Hrs,CNA Reg Hrs,CNA OT Hrs,Total Hrs\n01/17/2026,ICU,100,5,50,2,157\n".utf8)],
                       arguments: ["inspect", "tk.csv", "--kind", "timekeeping"],
                       expectation: .inspected(says: ["--unpivot '* OT Hrs,* Reg Hrs' --names-to job_code,pay_type --names-pattern '(.*) (OT|Reg) Hrs' --values-to hours"])),
            actualsByDot,
        ]
    }
}
