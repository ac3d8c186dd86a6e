import Testing
@testable import Tabular

/// The one definition of a totals label: the import rejects rows whose key field is one,
/// `--unpivot '*'` leaves such headers out, `inspect` warns of such a last row.
@Suite("TotalsLabel")
struct TotalsLabelTests {
    @Test("whole-field labels, in any case and spacing", arguments: [
        "Total", "TOTAL", "total", " Grand Total ", "Grand  total", "GRAND TOTAL:", "Totals", "Subtotal", "Sub-Total", "sub total",
        "Sum", "Row Total", "Summe", "Gesamt", "Gesamtsumme", "\tTotal\t", "Total :",
        // A second review's: punctuation, a count or a measure after the label, Excel's German
        // pivot grand total, report and overall totals.
        "Grand-Total", "TOTAL.", "Grand total (2 items)", "Grand Total (Qty)", "Gesamtergebnis", "Overall Total", "Report Total",
        "TOTAL ALL ITEMS", "Sub_Total",
    ])
    func labels(_ text: String) {
        #expect(TotalsLabel.isLabel(text), "\(text)")
        #expect(TotalsLabel.isTotalsHeader(text), "\(text)")
    }

    @Test("names that merely hold the word", arguments: [
        "Total Parenteral Nutrition kit", "TPN Total", "Totally Sterile Gauze", "Summary", "Sumatriptan 50mg", "Grand", "Tot",
        "Total 2", "Grand Total Gloves", "Subtotals and more", "", "   ", "A100", "All", "ALL", "(Total)", "Total Care Unit",
        "Overall Gown L", "Report binder", "Total Qty",
    ])
    func notLabels(_ text: String) {
        #expect(!TotalsLabel.isLabel(text), "\(text)")
    }

    /// Excel's Subtotal command writes the group's name and `Total` below each group (`ICU
    /// Total` under the ICU rows; `Ergebnis` in German Excel, `Total ICU` in French and Spanish):
    /// a subtotal only below its group, so an item named `TPN Total` is read elsewhere.
    @Test func subtotalsBelowTheirGroup() {
        for (field, previous) in [("ICU Total", "ICU"), ("icu  total", "ICU"), ("4 West Total", "4 west"), ("Gauze 4x4 Ergebnis", "Gauze 4x4"),
                                  ("Total ICU", "ICU"), (" ICU Total ", "ICU")] {
            #expect(TotalsLabel.isSubtotal(field, under: previous), "\(field) under \(previous)")
        }
        for (field, previous) in [("TPN Total", "Gauze"), ("ICU Total", ""), ("ICU", "ICU"), ("ICU Totals", "ICU"), ("ICU Total", "IC"),
                                  ("Total Parenteral Nutrition", "Parenteral Nutrition kit"), ("ICU Step-down Total", "ICU")] {
            #expect(!TotalsLabel.isSubtotal(field, under: previous), "\(field) under \(previous)")
        }
    }

    /// `All` heads a pivot table's total column, but an item or unit may be named so.
    @Test func allIsATotalsHeaderOnly() {
        #expect(TotalsLabel.isTotalsHeader("All") && TotalsLabel.isTotalsHeader(" ALL "))
        #expect(!TotalsLabel.isLabel("All"))
        #expect(!TotalsLabel.isTotalsHeader("Allopurinol 100mg") && !TotalsLabel.isTotalsHeader("TPN Total"))
        // A wide sheet's total columns as pivot tables head them.
        for header in ["Total Qty", "Grand Total (Qty)", "Total Quantity"] { #expect(TotalsLabel.isTotalsHeader(header), "\(header)") }
        // A pivot's `Sum of Jan 2025` is a month's value column, read through --names-pattern.
        #expect(!TotalsLabel.isTotalsHeader("Sum of Jan 2025") && !TotalsLabel.isTotalsHeader("Summary of Care") && !TotalsLabel.isTotalsHeader("Sumatriptan"))
    }

    /// The import review's defect 8: a pharmacy system's `Daily Total` beside four drugs was
    /// unpivoted as a fifth item (December's 4,985 doses summed as 9,970); so were `Total
    /// Doses`, `All Items`, a timekeeping `Total Hours` and a census `House Total`. A header
    /// with a word of its own beside the total names an item.
    @Test func aTotalOverWhatItTotalsIsATotalsHeader() {
        for header in ["Daily Total", "Total Doses", "All Items", "Total Hours", "House Total", "Subtotal", "Grand Total", "Total (units)"] {
            #expect(TotalsLabel.isTotalsHeader(header), "\(header)")
        }
        for header in ["Total Parenteral Nutrition", "TPN Total", "Daily Heparin", "Items", "Total Hip Kit"] {
            #expect(!TotalsLabel.isTotalsHeader(header), "\(header)")
        }
    }

    /// The byte reading (the import's, per row) and the text reading agree.
    @Test func bytesAndTextAgree() {
        for text in ["Grand Total", "Total Parenteral Nutrition kit", "sum", "Gloves"] {
            var bytes = text
            #expect(bytes.withUTF8 { TotalsLabel.isLabel($0) } == TotalsLabel.isLabel(text))
        }
    }

    /// inspect's warning looks further than the import's rejection: a last row that starts
    /// with a totals word.
    @Test func inspectLooksAtTheStartOfTheField() {
        #expect(TotalsLabel.startsWithLabel("Total: 3 items") && TotalsLabel.startsWithLabel("Grand Total March"))
        #expect(!TotalsLabel.isLabel("Total: 3 items"))
        #expect(!TotalsLabel.startsWithLabel("TPN Total") && !TotalsLabel.startsWithLabel("Totally"))
    }

    /// A total word anywhere in the name, as a word, makes a subtotal candidate (the usage
    /// import then asks that its quantity be the rows' sum); a word that merely starts so does not.
    @Test func totalWordsAreFoundAsWords() {
        for name in ["Total for 2025-01", "ICU Total", "Grand total - all items", "Subtotal - 6010 ICU", "Totaal", "Total g\u{E9}n\u{E9}ral",
                     "Sub-total ICU", "SUMME Station 3", "Total Parenteral Nutrition kit"] {
            #expect(TotalsLabel.holdsTotalWord(name), "\(name)")
        }
        for name in ["Totally sterile gauze", "Sumatriptan 50 mg", "Summary sheet", "Gesamtheit", "Gloves", "", "T"] {
            #expect(!TotalsLabel.holdsTotalWord(name), "\(name)")
        }
    }

    /// A value in a column the import does not read (a report writer's group footer, the key
    /// and date repeated, `SUBTOTAL` in the Description): the labels, the row's key with
    /// `Total`, and a total word beside words that say what is totalled mark a totals row;
    /// a description that merely holds the word does not.
    @Test func valuesOfAnUnreadColumnThatMarkATotalsRow() {
        func marks(_ text: String, key: String = "10045") -> Bool {
            var text = text, key = key
            return text.withUTF8 { t in key.withUTF8 { TotalsLabel.marksTotalsRow(t, key: $0) } }
        }
        for label in ["SUBTOTAL", "Total", "Grand Total", "Total:", "Total 10045", "10045 Total", "Item Total", "Daily Total"] {
            #expect(marks(label), "\(label)")
        }
        for text in ["Cup", "Total Parenteral Nutrition kit", "TPN Total", "Total 10023", "Knee total", "Totally sterile", "", "Subtotals and more"] {
            #expect(!marks(text), "\(text)")
        }
    }

    /// Read through an import: the row labelled `SUBTOTAL` in the unread Description is
    /// rejected as a totals row naming that column, as a key column's label is; the issues
    /// of 5 and 5 are read (the review's 10045 summed 20 for 10).
    @Test func aTotalsLabelInAnUnreadColumnRejectsTheRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", "Trans Date,Item #,Description,Qty Issued\n1/3/2024,10045,Cup,5\n1/31/2024,10045,Cup,5\n1/31/2024,10045,SUBTOTAL,10\n")
        let table = try TableImport(path: path, columns: [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")],
                                    options: ImportOptions(columns: ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued"], onError: .skip))
        let q = try #require(table.column("quantity"))
        var sum = 0.0
        let summary = try table.run { row in sum += try row.number(q) }
        #expect(sum == 10)
        #expect(summary.accepted == 2 && summary.rejected == 1, "\(summary)")
        #expect(summary.examples.first?.contains(":4: column 'Description': a totals row ('SUBTOTAL')") == true, "\(summary.examples)")
    }
    /// A group footer labelled with its group's description, not its key (`Total Cup` below
    /// the `Cup` rows, `Gown Total` below the gowns), the item and date repeated: rejected as
    /// a totals row (it was summed, the cups' January 20 for 10). A description holding a
    /// total word under another description (`Total Parenteral Nutrition` below `Gown`), one
    /// under a row whose description is a number or empty, and an item of its own named like
    /// a footer of the item above (`Total Knee`, 40040, below `Knee`, 30030) are read.
    @Test func aFooterLabelledWithTheRowAbovesDescriptionRejectsTheRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            Trans Date,Item #,Description,Qty Issued
            1/3/2024,10045,Cup,5
            1/31/2024,10045,Cup,5
            1/31/2024,10045,Total Cup,10
            2/3/2024,20010,Gown,4
            2/3/2024,20010,Gown,2
            2/3/2024,20010,Gown  Total,6
            2/4/2024,30030,Total Parenteral Nutrition,7
            2/5/2024,30030,1.5,1
            2/5/2024,30030,Total 1.5,1
            2/6/2024,30030,,1
            2/6/2024,30030,Total,1
            2/7/2024,30030,Knee,1
            2/7/2024,40040,Total Knee,1

            """)
        let table = try TableImport(path: path, columns: [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")],
                                    options: ImportOptions(columns: ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued"], onError: .skip))
        let q = try #require(table.column("quantity"))
        var sum = 0.0
        let summary = try table.run { row in sum += try row.number(q) }
        #expect(sum == 5 + 5 + 4 + 2 + 7 + 1 + 1 + 1 + 1 + 1)
        #expect(summary.rejected == 3, "\(summary)")
        #expect(summary.examples.contains { $0.contains(":4: column 'Description': a totals row ('Total Cup')") }, "\(summary.examples)")
        #expect(summary.examples.contains { $0.contains(":7: column 'Description': a totals row ('Gown  Total')") }, "\(summary.examples)")

        // Two text columns left unread: the item is compared with the row above's, not with
        // its own, whatever column comes first (an item `Total Cup`, 20020, below `Cup`, 10045,
        // is read; the footer of 10045 is not).
        let two = try dir.write("two.csv", """
            Trans Date,Item #,Category,Description,Qty Issued
            1/3/2024,10045,Supplies,Cup,5
            1/4/2024,20020,Supplies,Total Cup,3
            1/5/2024,10045,Supplies,Cup,5
            1/5/2024,10045,Supplies,Total Cup,5

            """)
        let table2 = try TableImport(path: two, columns: [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")],
                                     options: ImportOptions(columns: ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued"], onError: .skip))
        let q2 = try #require(table2.column("quantity"))
        var sum2 = 0.0
        let summary2 = try table2.run { row in sum2 += try row.number(q2) }
        #expect(sum2 == 13 && summary2.rejected == 1, "\(summary2)")
    }

    /// The second pipeline review's finding 5: group footers as Crystal and SSRS write them,
    /// the item's key and marks around `Total`, mark a totals row; descriptions with a word of
    /// their own beside the total word do not.
    @Test func groupFootersOfReportWritersMarkATotalsRow() {
        func marks(_ text: String) -> Bool {
            var text = text, key = "10045"
            return text.withUTF8 { t in key.withUTF8 { TotalsLabel.marksTotalsRow(t, key: $0) } }
        }
        for label in ["** Total **", "Total for 10045", "Item 10045 Total", "Total - 10045", "10045 - Total", "Total Item 10045",
                      "Sub-Total 10045", "--- Subtotal ---", "Totals for Item 10045:", "Total Qty", "Total Issued"] {
            #expect(marks(label), "\(label)")
        }
        for text in ["Total knee kit", "Totally sterile gauze", "Subtotal tray", "TOTAL HIP TRAY", "Total Parenteral Nutrition kit",
                     "Total Joint Pack - Knee", "Gauze (Total 10)", "Totals Pad", "Total 10023", "Total for 10023"] {
            #expect(!marks(text), "\(text)")
        }
    }

    /// `longest` is a literal, read on every row's unread fields: it must stay the longest label.
    @Test func longestIsTheLongestLabel() {
        #expect(TotalsLabel.longest == (TotalsLabel.words + TotalsLabel.headerWords).map(\.utf8.count).max())
    }

    /// The quick outs on the way (no letter, no total word) keep every reading: numbers and
    /// codes never mark a totals row, and a subtotal written with a no-break space still does.
    @Test func quickOutsKeepTheReadings() {
        func marks(_ text: String, key: String = "ICU") -> Bool {
            var text = text, key = key
            return text.withUTF8 { t in key.withUTF8 { TotalsLabel.marksTotalsRow(t, key: $0) } }
        }
        for number in ["9.38", "-1,234.50", "$12.00", "(3.00)", "2024-01-31", "0", "  42  "] {
            #expect(!marks(number), "\(number)")
        }
        #expect(marks("ICU\u{00A0}Total"))
        #expect(marks("ICU Ergebnis"))
        #expect(marks("Grand-Total"))
        #expect(!marks("ICU\u{00A0}Totally"))
    }
}
