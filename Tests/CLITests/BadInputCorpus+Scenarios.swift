import Foundation

extension BadInputCorpus {
    /// Issue 18: what-if scenarios and the rolling-forecast horizon. A scenario naming a
    /// department or account the ledger lacks, a percentage outside -100..1,000, an FTE
    /// change without its annual cost, in a scenario file (`--scenarios`) or inline in a
    /// pipeline, fails naming the YAML file and line; a horizon outside 1..12 quarters is a
    /// usage error (or a pipeline error at its line). Nothing is written either way.
    static func scenarioCases() -> [CorpusCase] {
        let budget = CSVInput.budget
        let inputs = files(budget).merging([budget.file: Data(budget.contents)]) { _, own in own }
        var cases: [CorpusCase] = []
        // Line 2 of every file is a good scenario, so the mistake is on a later line.
        let good = "scenarios:\n  - name: census_up\n    volume: {\"*\": 10}\n  - name: bad\n"
        for (name, body, line, says) in [
            ("a department the ledger lacks", "    volume:\n      ICU: 10\n      Oncology: 5\n", 7, ["no department 'Oncology' in the budget or actuals", "ICU"]),
            ("an account the ledger lacks", "    rate: {\"Drugs\": 3}\n", 5, ["no account 'Drugs' in the budget or actuals", "Salaries, Supplies"]),
            ("an FTE change in a department the ledger lacks", "    fte: {department: ER, account: Salaries, count: 2, annual_cost: 98000}\n", 5,
             ["no department 'ER'"]),
            ("a volume change of -150%", "    volume: {ICU: -150}\n", 5, ["is -150%", "from -100% to +1,000%"]),
            ("a rate change of 1,500%", "    rate:\n      Supplies: 1500\n", 6, ["is 1500%", "from -100% to +1,000%"]),
            ("a rate change that is not a number", "    rate: {Supplies: lots}\n", 5, ["must be a percent", "'lots'"]),
            ("an FTE change without annual_cost", "    fte: {department: ICU, account: Salaries, count: 2}\n", 5, ["has no annual_cost", "annual_cost: 98000"]),
            ("an unknown scenario key", "    price: {Supplies: 3}\n", 5, ["unknown key 'price'", "name, volume, rate, fte"]),
            ("a key given twice", "    volume: {ICU: 10}\n    volume: {ICU: 20}\n", 6, ["'volume' is given twice (first on line 5); keep one"]),
            ("a department given twice", "    volume:\n      ICU: 10\n      ICU: 20\n", 7, ["'ICU' is given twice (first on line 6)"]),
            // One department in two spellings: the later value wrote over the earlier.
            ("a department given twice in two spellings", "    volume:\n      ICU: 10\n      icu: 20\n", 7, ["'icu' is department 'ICU', which its volume: already names"]),
            ("an account given twice in two spellings", "    rate: {Supplies: 10, SUPPLIES: 3}\n", 5, ["'SUPPLIES' is account 'Supplies', which its rate: already names"]),
        ] {
            var files = inputs
            files["s.yml"] = Data(good + body)
            cases.append(CorpusCase(kind: budget.kind, name: "--scenarios file with \(name)", files: files,
                                    arguments: budget.arguments + ["--scenarios", "s.yml"],
                                    expectation: .fails(file: "s.yml", line: line, says: says), absentAfterFailure: ["out", "out/budget_scenarios.csv"]))
        }
        for value in ["0", "13", "100"] {
            cases.append(CorpusCase(kind: budget.kind, name: "--horizon-quarters \(value)", files: inputs,
                                    arguments: budget.arguments + ["--horizon-quarters", value],
                                    expectation: .usageError(says: ["--horizon-quarters is a number of fiscal quarters from 1 to 12, not \(value)"]),
                                    absentAfterFailure: ["out"]))
        }
        // The same mistakes in a pipeline, at the pipeline's line (or the scenario file's).
        let pipeline = """
        stages:
          budget: {kind: import, table: budget, file: budget.csv}
          actuals: {kind: import, table: actuals, file: actuals.csv}
          variance:
            kind: variance
            budget: budget
            actuals: actuals

        """
        func yaml(_ name: String, _ extra: String, file: String = "p.yml", line: Int, _ says: String..., command: String = "validate",
                  more: [String: Data] = [:]) -> CorpusCase {
            var c = PipelineCorpus.yamlData(name, Data(pipeline + extra), line: line, says, command: command, file: file,
                                            files: inputs.merging(more) { _, new in new })
            c.absentAfterFailure = ["out"]
            return c
        }
        cases.append(yaml("variance horizon_quarters: 0", "    horizon_quarters: 0\n", line: 8, "horizon_quarters is a number of fiscal quarters from 1 to 12, not 0"))
        cases.append(yaml("variance horizon_quarters: 13", "    horizon_quarters: 13\n", line: 8, "from 1 to 12, not 13", command: "run"))
        cases.append(yaml("inline scenario with a volume change of 2,000%", "    scenarios:\n      - name: big\n        volume: {\"*\": 2000}\n",
                          line: 10, "is 2000%", "from -100% to +1,000%"))
        cases.append(yaml("inline scenario with an FTE change without annual_cost",
                          "    scenarios:\n      - name: rn\n        fte:\n          department: ICU\n          account: Salaries\n          count: 2\n",
                          line: 10, "has no annual_cost", command: "run"))
        cases.append(yaml("inline scenario naming an account the ledger lacks", "    scenarios:\n      - name: typo\n        rate: {Suplies: 3}\n",
                          line: 10, "no account 'Suplies'", command: "run"))
        cases.append(yaml("scenario file with a department the ledger lacks", "    scenarios: s.yml\n", file: "s.yml", line: 3,
                          "no department 'Oncology'", command: "run",
                          more: ["s.yml": Data("scenarios:\n  - name: onc\n    volume: {Oncology: 5}\n")]))
        cases.append(yaml("scenario file with a percentage of -101", "    scenarios: s.yml\n", file: "s.yml", line: 3, "is -101%",
                          more: ["s.yml": Data("scenarios:\n  - name: down\n    volume: {ICU: -101}\n")]))
        // A review's: a scenario file that is not there is named at the pipeline's line; the
        // misspelt list `scenario:` is one problem with the name meant, not one per field.
        cases.append(yaml("scenario file that does not exist", "    scenarios: what-ifs.yml\n", line: 8,
                          "what-ifs.yml: cannot be opened", "the path is read from the pipeline's folder"))
        cases.append(yaml("scenarios misspelt as scenario", "    scenario:\n      - name: up\n        volume: {\"*\": 5}\n      - name: rn\n        fte: {department: ICU, account: Salaries, count: 1, annual_cost: 9}\n",
                          line: 8, "1 problem in the pipeline", "unknown parameter 'scenario' for kind variance; did you mean 'scenarios'?"))
        // The bottom-up supply spend (supply_accounts:) needs the usage and the item master.
        cases.append(yaml("variance supply_accounts without usage and items", "    supply_accounts: {Supply: Supplies}\n", line: 8,
                          "supply_accounts needs the usage and the item master"))
        cases.append(yaml("variance usage without supply_accounts", "    usage: budget\n", line: 8,
                          "usage and items are read for the bottom-up supply spend only", command: "run"))
        return cases
    }
}
