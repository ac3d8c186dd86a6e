import Foundation

/// Issue 23's reorder inputs: duplicated item-master rows and inventory rows of one item and
/// location, which used to vanish silently (the first one won), rejected naming both lines;
/// and blank unit costs, which are accepted and planned with the `missing_cost` flag.
extension BadInputCorpus {
    static func reorderDefects() -> [CorpusCase] {
        let items = CSVInput.items, inventory = CSVInput.inventory
        // A second A100 with another vendor and price, on line 5.
        var itemRows = items.rows
        var second = itemRows[0]
        second[items.column("vendor")] = "Harbor Supply"
        second[items.column("unit_cost")] = "6.90"
        itemRows.append(second)
        let duplicatedItems = Data(CSVInput.csv(items.header, itemRows))
        // A100 at Central twice (line 5); A100 at another location is fine (line 6).
        var stockRows = inventory.rows
        stockRows.append(["A100", "7", "0", "Central", "2025-03-30"])
        stockRows.append(["A100", "9", "0", "OR", "2025-03-30"])
        let duplicatedStock = Data(CSVInput.csv(inventory.header, stockRows))
        // A100 at Central and at 'central ' (one place spelled two ways): was two locations, the
        // second one dead stock, and the position of the first too low.
        var respelledRows = inventory.rows
        respelledRows.append(["A100", "7", "0", "central ", "2025-03-30"])
        let respelledStock = Data(CSVInput.csv(inventory.header, respelledRows))
        // Same item, location spelled the same but the item master's case differs: a distinct item.
        var caseRows = items.rows
        var lower = caseRows[0]
        lower[items.column("item")] = "a100"
        caseRows.append(lower)
        // Blank costs on every item: accepted, no rejects.
        var blankCostRows = items.rows
        for k in blankCostRows.indices { blankCostRows[k][items.column("unit_cost")] = "" }
        let mixedCase = Data(CSVInput.csv(items.header, caseRows)), blankCosts = Data(CSVInput.csv(items.header, blankCostRows))
        let discontinuedYesNo = Data(CSVInput.csv(items.header + ["discontinued"], items.rows.enumerated().map { k, row in row + [k == 0 ? "Y" : "n"] }))
        let discontinuedMaybe = Data(CSVInput.csv(items.header + ["discontinued"], items.rows.enumerated().map { k, row in row + [k == 2 ? "Maybe" : "N"] }))

        // Each stock location's own par level (`par_level`, read by `--simulate`): a negative one
        // on line 3 is rejected naming it; the others are read.
        let parHeader = inventory.header + ["par_level"]
        let parRows = inventory.rows.enumerated().map { k, row in row + [k == 1 ? "-30" : "30"] }
        let negativePar = Data(CSVInput.csv(parHeader, parRows))
        let goodPars = Data(CSVInput.csv(parHeader, inventory.rows.map { $0 + ["30"] }))

        // A lead time kept in weeks (`Lead Time (Weeks)`, the buyer's second review): read as
        // days x 7 (it was dropped without a note, every item planned on the 7-day default);
        // a negative one on line 3 is rejected naming it.
        let weeksHeader = items.header.map { $0 == "lead_time_days" ? "Lead Time (Weeks)" : $0 }
        let weeks = items.column("lead_time_days")
        let goodWeeks = Data(CSVInput.csv(weeksHeader, items.rows))
        let negativeWeeks = Data(CSVInput.csv(weeksHeader, items.rows.enumerated().map { k, row in
            var row = row
            if k == 1 { row[weeks] = "-1" }
            return row
        }))

        var cases = [
            accepting(items, "items Lead Time (Weeks) read as days x 7", goodWeeks, read: items.rows.count,
                      output: "out/reorder.csv", says: ["lead time 21 days"]),
            rejecting(items, "items Lead Time (Weeks) -1 (line 3)", negativeWeeks,
                      [RejectedRow(line: 3, column: "Lead Time (Weeks)", says: "not a number of weeks from 0 to 521")]),
            rejecting(inventory, "inventory par_level -30 (line 3)", negativePar,
                      [RejectedRow(line: 3, column: "par_level", says: "not a number of at least 0")]),
            accepting(inventory, "inventory with each location's par_level: read", goodPars, read: inventory.rows.count,
                      output: "out/reorder.csv", says: ["A100,"]),
            rejecting(items, "item A100 twice (lines 2 and 5)", duplicatedItems,
                      [RejectedRow(line: 5, column: "item", says: "item 'A100' already has an item-master row on line 2")], read: 4),
            rejecting(inventory, "A100 at Central twice (lines 2 and 5), A100 at OR once", duplicatedStock,
                      [RejectedRow(line: 5, column: "location", says: "item 'A100' and location 'Central' already has a stock row on line 2")], read: 5),
            rejecting(inventory, "A100 at Central and at 'central ' (line 5)", respelledStock,
                      [RejectedRow(line: 5, column: "location", says: "item 'A100' and location 'central' already has a stock row on line 2")], read: 4),
            accepting(items, "items A100 and a100 (case differs): both kept", mixedCase, read: 4,
                      output: "out/reorder.csv", says: ["A100,"]),
            accepting(items, "every unit cost blank: accepted, flagged missing_cost", blankCosts, read: 3,
                      output: "out/reorder.md", says: ["3 items have no unit cost", "missing_cost"]),
            // `Discontinued` written Y/N, the usual ERP flag: read as yes and no (it was rejected,
            // "'N' is not one of true, false, yes, no, 1, 0"); another word is still rejected.
            accepting(items, "discontinued written Y/N: A100 (Y) not reordered", discontinuedYesNo, read: 3,
                      output: "out/reorder.csv", says: ["discontinued"]),
            rejecting(items, "discontinued 'Maybe' (line 4)", discontinuedMaybe,
                      [RejectedRow(line: 4, column: "discontinued", says: "'Maybe' is not one of true, false, yes, no, y, n, 1, 0")], read: 3),
        ]
        // Usage in two units of measure for one item (a pharmacy export: vials and boxes): accepted,
        // flagged uom_mismatch, since the quantities cannot be summed as one number.
        if let usage = items.others["usage.csv"] {
            let lines = usage.split(separator: "\n").map(String.init)
            let withUnits = ([lines[0] + ",uom"] + lines.dropFirst().enumerated().map { k, line in line + (k == 1 ? ",BX" : ",EA") }).joined(separator: "\n") + "\n"
            cases.append(CorpusCase(kind: items.kind, name: "usage of one item in EA and BX: accepted, flagged uom_mismatch",
                                    files: files(items).merging(["usage.csv": Data(withUnits.utf8), items.file: Data(items.contents)]) { _, own in own },
                                    arguments: items.arguments, expectation: .accepted(file: items.file, read: items.rows.count, output: "out/reorder.csv", says: ["uom_mismatch"])))
        }
        var failing = failing(items, "item A100 twice, default 1% threshold", duplicatedItems, line: 5,
                              "already has an item-master row on line 2", "1 of 4 rows rejected", items.failedRejectsFile)
        failing.presentAfterRun = [items.failedRejectsFile]
        cases.append(failing)
        // An as-of before the usage begins read every item as never used (dead stock, exit 0).
        let itemsInput = CSVInput.items
        cases.append(CorpusCase(kind: itemsInput.kind, name: "--as-of before the usage begins", files: files(itemsInput).merging([itemsInput.file: Data(itemsInput.contents)]) { a, _ in a },
                                arguments: itemsInput.arguments + ["--as-of", "2023-01-06"],
                                expectation: .fails(file: "usage.csv", line: nil, says: ["reorder: as-of 2023-01-06 is before the usage's first day, 2025-01-06", "give a day the usage covers"]),
                                absentAfterFailure: ["out"]))
        // A usage export of monthly totals labelled `2024-01` (a spare-parts or ERP summary): read
        // as one day's use on the 1st it planned months of safety stock; spread over the month's
        // days, with a note. A month 13 among them is a rejected row naming line and column.
        var monthly = ["date,item,quantity"]
        for month in 1...24 {
            for (item, quantity) in [("A100", 90), ("B200", 45), ("C300", 30)] {
                monthly.append("\(2024 + (month - 1) / 12)-\((month - 1) % 12 + 1 < 10 ? "0" : "")\((month - 1) % 12 + 1),\(item),\(quantity)")
            }
        }
        let monthlyUsage = Data((monthly.joined(separator: "\n") + "\n").utf8)
        monthly[5] = monthly[5].replacingOccurrences(of: "2024-02", with: "2024-13")
        let monthThirteen = Data((monthly.joined(separator: "\n") + "\n").utf8)
        cases.append(CorpusCase(kind: itemsInput.kind, name: "usage of monthly totals labelled 2024-01: spread over their days, with a note",
                                files: files(itemsInput).merging(["usage.csv": monthlyUsage, itemsInput.file: Data(itemsInput.contents)]) { _, own in own },
                                arguments: itemsInput.arguments,
                                expectation: .accepted(file: itemsInput.file, read: itemsInput.rows.count, output: "out/reorder.md",
                                                       says: ["Usage rows are monthly totals", "the usage runs to 2025-12-31"])))
        // The inventory's snapshot date decides whether the last month was pulled part-way
        // through (`PartialLastPeriod`): counted on 3 December, December is read to the 3rd and
        // the plan is as of then; counted after December's end, December is whole, the plan as
        // of its last day and the count flagged as after it, as before. Counted on 30 November
        // with one item cycle-counted on 15 December, December is whole: the cycle count does not
        // date the export (read to it, every item's December was spread over 15 days).
        for (counts, says) in [(["2025-12-03"], ["the last month, 2025-12, read through the inventory's snapshot date, 2025-12-03, the count date of 3 of its 3 rows", "Reorder list as of 2025-12-03"]),
                               (["2026-01-05"], ["the usage runs to 2025-12-31", "the inventory's snapshot date, 2026-01-05, the count date of 3 of its 3 rows, is not inside it", "count_after_as_of"]),
                               (["2025-11-30", "2025-11-30", "2025-12-15"],
                                ["the usage runs to 2025-12-31", "Reorder list as of 2025-12-31",
                                 "2025-12 read as complete: the inventory's snapshot date, 2025-11-30, the count date of 2 of its 3 rows, is not inside it before its last day; 1 row counted inside it on another date, a cycle count, does not date the export"])] {
            let stock = CSVInput.inventoryRows.enumerated().map { k, row in Array(row.dropLast()) + [counts[k % counts.count]] }
            let counted = counts.count == 1 ? counts[0] : "\(counts[0]), one item cycle-counted \(counts.last!)"
            cases.append(CorpusCase(kind: itemsInput.kind, name: "usage of monthly totals, inventory counted \(counted)",
                                    files: files(itemsInput).merging(["usage.csv": monthlyUsage, "inventory.csv": Data(CSVInput.csv(CSVInput.inventoryHeader, stock)),
                                                                      itemsInput.file: Data(itemsInput.contents)]) { _, own in own },
                                    arguments: itemsInput.arguments,
                                    expectation: .accepted(file: itemsInput.file, read: itemsInput.rows.count, output: "out/reorder.md", says: says)))
        }
        cases.append(CorpusCase(kind: itemsInput.kind, name: "usage of monthly totals with a month 13 on line 6",
                                files: files(itemsInput).merging(["usage.csv": monthThirteen, itemsInput.file: Data(itemsInput.contents)]) { _, own in own },
                                arguments: itemsInput.arguments,
                                expectation: .fails(file: "usage.csv", line: 6, says: ["column 'date': '2024-13' is not a valid date (there is no month 13)"]),
                                absentAfterFailure: ["out"]))
        cases += itemCodeSpellings()
        return cases
    }

    /// A buyer's review: one file writing an item code two ways that differ only in leading zeros
    /// or case (`06010` and `6010`, `A100` and `a100`) stopped reorder and purchasing ("keep one
    /// row" of two real issues, naming rows 1 and 2 for lines 2 and 3). Usage rows are events,
    /// read as the master's item and summed, with a note naming both spellings; two inventory
    /// rows of one item and location count one stock twice, refused naming both file lines.
    static func itemCodeSpellings() -> [CorpusCase] {
        let input = CSVInput.items
        let usage = input.others["usage.csv"] ?? ""
        // Every other A100 row of the usage written a100.
        var flip = false
        let mixedCase = usage.split(separator: "\n").map { line -> String in
            guard line.contains(",A100,") else { return String(line) }
            flip.toggle()
            return flip ? line.replacingOccurrences(of: ",A100,", with: ",a100,") : String(line)
        }.joined(separator: "\n") + "\n"
        // The master's A100 as 06010; the usage writes 06010 and 6010 by turns, the inventory 06010.
        let zeros = { (text: String) in text.replacingOccurrences(of: "A100", with: "06010") }
        flip = false
        let mixedZeros = zeros(usage).split(separator: "\n").map { line -> String in
            guard line.contains(",06010,") else { return String(line) }
            flip.toggle()
            return flip ? line.replacingOccurrences(of: ",06010,", with: ",6010,") : String(line)
        }.joined(separator: "\n") + "\n"
        var stockRows = CSVInput.inventoryRows
        stockRows.append(["a100", "30", "0", "Central", "2025-03-30"])
        let doubledStock = Data(CSVInput.csv(CSVInput.inventoryHeader, stockRows))
        let base = files(input).merging([input.file: Data(input.contents)]) { _, own in own }
        return [
            CorpusCase(kind: input.kind, name: "usage writes A100 and a100: read as one item, with a note naming both",
                       files: base.merging(["usage.csv": Data(mixedCase.utf8)]) { _, own in own }, arguments: input.arguments,
                       expectation: .accepted(file: input.file, read: input.rows.count, output: "out/index.md",
                                              says: ["usage a100 -> A100 (usage writes A100 too: one item)"])),
            CorpusCase(kind: input.kind, name: "usage writes 06010 and 6010 (item master 06010): read as one item, with a note naming both",
                       files: base.merging(["usage.csv": Data(mixedZeros.utf8), input.file: Data(zeros(input.contents).utf8),
                                            "inventory.csv": Data(zeros(input.others["inventory.csv"] ?? "").utf8)]) { _, own in own },
                       arguments: input.arguments,
                       expectation: .accepted(file: input.file, read: input.rows.count, output: "out/index.md",
                                              says: ["usage 6010 -> 06010 (usage writes 06010 too: one item)"])),
            CorpusCase(kind: input.kind, name: "inventory A100 and a100 at Central (lines 2 and 5): refused naming both lines",
                       files: base.merging(["inventory.csv": doubledStock]) { _, own in own }, arguments: input.arguments,
                       expectation: .fails(file: "inventory.csv", line: 5, says: ["lines 2 and 5 count the same stock", "item A100 and item a100 at location Central are one item", "keep one count"]),
                       absentAfterFailure: ["out"]),
        ]
    }

    static func accepting(_ input: CSVInput, _ name: String, _ data: @escaping @autoclosure @Sendable () -> Data, read: Int,
                          output: String, says: [String]) -> CorpusCase {
        CorpusCase(kind: input.kind, name: name, files: files(input), generated: generator(input, data), arguments: input.arguments,
                   expectation: .accepted(file: input.file, read: read, output: output, says: says))
    }
}
