extension ReportSheet {
    /// Rows an Excel sheet holds, its header included.
    public static let maximumRows = Workbook.maximumRows

    /// The sheet alone as an Excel workbook at `path`: an `export` named `.xlsx` writes its
    /// table so (it wrote CSV text under the name, which Excel refuses to open), typed as a
    /// report's data sheets are, without a report's Summary and About sheets.
    public func writeWorkbook(to path: String, numbers: NumberStyle = NumberStyle()) throws {
        let book = try Workbook(path: path)
        var names = SheetNames()
        try WorkbookTableWriter(sheet: self, formats: WorkbookFormats(book: book, numbers: numbers)).write(into: try book.addSheet(names.claim(name)))
        try book.close()
    }
}
