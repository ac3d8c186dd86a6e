import Foundation
@testable import Reports
import Testing
import TestScratch

/// A sheet name libxlsxwriter refuses is reported with its reason and what to do, not as a
/// disk problem: the message ended "check the folder's free space and permissions".
@Suite struct WorkbookSheetNameErrorTests {
    @Test func aRefusedSheetNameSaysWhy() throws {
        let folder = TestScratch.path("qm-xlsx-names").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let book = try Workbook(path: folder + "/names.xlsx")
        do {
            _ = try book.addSheet(String(repeating: "é", count: 32))
            Issue.record("a 32-character sheet name was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("Excel refuses the sheet name '\(String(repeating: "é", count: 32))'"), "\(message)")
            #expect(message.contains("31 characters") && message.contains("shorter name"), "\(message)")
            #expect(!message.contains("free space"), "\(message)")
        }
    }
}
