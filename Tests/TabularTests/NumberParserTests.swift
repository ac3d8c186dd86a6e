import Foundation
import Testing
@testable import Tabular

@Suite("NumberParser")
struct NumberParserTests {
    let parser = NumberParser()
    let comma = NumberParser(decimalComma: true)

    @Test("accepted values", arguments: [
        ("1234.5", 1234.5),
        ("1,234.50", 1234.5),
        ("$1,234.50", 1234.5),
        ("-$12", -12),
        ("$-12", -12),
        ("(1,234.50)", -1234.5),
        ("($5)", -5),
        ("+3", 3),
        ("42", 42),
        ("007", 7),
        ("  42  ", 42),
        ("-0.5", -0.5),
        (".5", 0.5),
        ("5.", 5),
        ("1,234,567", 1_234_567),
        ("1,234,567.891", 1_234_567.891),
        ("999", 999),
        ("1e3", 1000),
        ("1E3", 1000),
        ("2.5e+2", 250),
        ("1e-5", 0.00001),
        ("0.1", 0.1),
        ("0.3", 0.3),
        ("123.456", 123.456),
        // Ledger layouts: a space after the symbol, other currencies, the symbol before a
        // parenthesised amount or after the number, a trailing minus, credit and debit marks.
        ("$ 1,000.00", 1000),
        ("$(1,234.50)", -1234.5),
        ("$ (1,234.50)", -1234.5),
        ("1,234.50-", -1234.5),
        ("5-", -5),
        ("1,234.50 CR", -1234.5),
        ("1,234.50cr", -1234.5),
        ("1,234.50 DR", 1234.5),
        ("(1,234.50) €", -1234.5),
        ("\u{20AC}1,234.50", 1234.5),
        ("\u{00A3}12", 12),
        ("12 $", 12),
        ("1,234.50 \u{20AC}", 1234.5),
    ])
    func accepts(_ text: String, _ value: Double) {
        #expect(parser.parse(text) == value, "\(text)")
    }

    @Test("rejected values", arguments: [
        "1,2",          // a decimal comma, most likely: never guessed
        "12,34,567",    // Indian grouping is not thousands grouping
        "1234,567",     // first group longer than three
        "1,234,",       // trailing separator
        ",123",
        "1,23.4",
        "--5",
        "(-5)",         // parentheses already mean negative
        "(5",
        "5)",
        "()",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "1e400",
        "-1e400",
        "",
        "   ",
        "abc",
        "12abc",
        "1.2.3",
        "1 234",
        "$",
        "-",
        "$$5",
        "-5-",          // two signs
        "(5)-",
        "(5) CR",
        "-5 CR",
        "CR",
        "5 CRR",
        "$5$",
        "\u{20AC}\u{20AC}5",
        "$(-5)",
        "1e",
        "e5",
        "0x10",
    ])
    func rejects(_ text: String) {
        #expect(parser.parse(text) == nil, "\(text)")
    }

    @Test func decimalComma() {
        #expect(comma.parse("1.234,50") == 1234.5)
        #expect(comma.parse("1234,5") == 1234.5)
        #expect(comma.parse("-1.234.567,89") == -1_234_567.89)
        #expect(comma.parse("(1.234,50)") == -1234.5)
        #expect(comma.parse("$1.234") == 1234)
        #expect(comma.parse("0,1") == 0.1)
        #expect(comma.parse("1.234,50 \u{20AC}") == 1234.5)
        #expect(comma.parse("1.234,50-") == -1234.5)
        // With a decimal comma, "1.5" is as ambiguous as "1,2" is without one.
        #expect(comma.parse("1.5") == nil)
        #expect(comma.parse("1,234.50") == nil)
    }

    @Test func aPointBeforeThreeDigitsInASemicolonFileIsAskedAbout() {
        // An export of 800 and 1.200 separated by semicolons means 1,200: read as 1.2, a month of
        // 30,800 came out 12,818.
        let semicolons = NumberParser(decimalComma: false, delimiter: UInt8(ascii: ";"))
        #expect(semicolons.parse("1.200") == nil && semicolons.parse("12.500") == nil && semicolons.parse("-999.000") == nil)
        #expect(Array("1.200".utf8).withUnsafeBufferPointer { semicolons.explainFailure($0) }.contains("use --decimal-comma"))
        // Not thousands: other than three decimals, a zero integer part, four integer digits.
        #expect(semicolons.parse("1.25") == 1.25 && semicolons.parse("0.125") == 0.125 && semicolons.parse("1234.500") == 1234.5)
        #expect(semicolons.parse("800") == 800 && semicolons.parse("1.2") == 1.2)
        // Commas and a decimal comma are as before; so is a comma-separated file.
        #expect(NumberParser(decimalComma: true, delimiter: UInt8(ascii: ";")).parse("1.200") == 1200)
        #expect(NumberParser(decimalComma: false, delimiter: UInt8(ascii: ",")).parse("1.200") == 1.2)
    }

    /// And the other way round: `1,500` in a semicolon-separated export (a review's German file
    /// of 1,500 and 2,250 morphine units, meaning 1.5 and 2.25) was read as 1,500.
    @Test func aCommaBeforeThreeDigitsInASemicolonFileIsAskedAbout() {
        let semicolons = NumberParser(decimalComma: false, delimiter: UInt8(ascii: ";"))
        #expect(semicolons.parse("1,500") == nil && semicolons.parse("-2,250") == nil && semicolons.parse("$999,000") == nil)
        let why = Array("1,500".utf8).withUnsafeBufferPointer { semicolons.explainFailure($0) }
        #expect(why.contains("',' often marks decimals") && why.contains("use --decimal-comma") && why.contains("use --decimal-point"), "\(why)")
        // Two groups or a decimal point say what the comma is; --decimal-comma reads it so.
        #expect(semicolons.parse("12,345,678") == 12_345_678 && semicolons.parse("1,500.25") == 1500.25)
        #expect(NumberParser(decimalComma: true, delimiter: UInt8(ascii: ";")).parse("1,500") == 1.5)
        #expect(NumberParser(decimalComma: false, delimiter: UInt8(ascii: ",")).parse("1,500") == 1500)
        // Files separated by tabs or bars read as before: US extracts group thousands there.
        for delimiter in [UInt8(0x09), UInt8(ascii: "|")] {
            let parser = NumberParser(decimalComma: false, delimiter: delimiter)
            #expect(parser.parse("1,500") == 1500 && parser.parse("1,234.50") == 1234.5)
        }
        // The point stated (--decimal-point, decimal: point written out) settles both.
        let stated = NumberParser(decimalComma: false, delimiter: UInt8(ascii: ";"), pointStated: true)
        #expect(stated.parse("1,500") == 1500 && stated.parse("1.200") == 1.2)
    }

    /// A German export separated by tabs, dated `01.03.2026`, wrote 1,200 units as `1.200`: read
    /// with a decimal point it was 1.2 without a word. Dotted dates put a tab or bar file's marks
    /// in doubt as semicolons do, and a comma-separated file's too.
    @Test func dottedDatesPutATabFilesMarksInDoubt() {
        for delimiter in [UInt8(0x09), UInt8(ascii: "|")] {
            let dotted = NumberParser(decimalComma: false, delimiter: delimiter, datesDotted: true)
            #expect(dotted.parse("1.200") == nil && dotted.parse("1,500") == nil && dotted.parse("1.25") == 1.25)
            let why = Array("1.200".utf8).withUnsafeBufferPointer { dotted.explainFailure($0) }
            #expect(why.contains("the file's dates are written with points, day first, where '.' often groups thousands") && why.contains("use --decimal-comma"), "\(why)")
            #expect(NumberParser(decimalComma: false, delimiter: delimiter, pointStated: true, datesDotted: true).parse("1.200") == 1.2)
            #expect(NumberParser(decimalComma: true, delimiter: delimiter, datesDotted: true).parse("1.200") == 1200)
        }
        // A comma-separated file's too (import review defect 5: an SAP export's `1.200` beside
        // `01.10.2025` was 1.2, December 1,874 gloves where 26,150 was right).
        #expect(NumberParser(decimalComma: false, delimiter: UInt8(ascii: ","), datesDotted: true).parse("1.200") == nil)
        #expect(NumberParser(decimalComma: false, delimiter: UInt8(ascii: ","), datesDotted: false).parse("1.200") == 1.2)
        for text in ["01.03.2026", "1.3.26", " 01.03.2026 07:30", "31.12.2025 23:59:00"] {
            #expect(DottedDates.written(Substring(text).utf8), "\(text)")
        }
        for text in ["1.200", "2026.03.01", "01.03.202", "01/03/2026", "1.2.3.4", "01.03.2026x", "12.500,00", "10.20.30", "45.67.89", "32.01.2025", "01.13.2025", "0.1.2025",
                     // Digits beyond any Int (the corpus's 20 nines crashed the import).
                     "99999999999999999999999", "01.03.99999999999999999999", "99999999999999999999.03.2026"] {
            #expect(!DottedDates.written(Substring(text).utf8), "\(text)")
        }
        // A column of them decides, not one dotted code among other fields (a US tab file's item
        // codes `10.20.30` had its 1,500 refused).
        #expect(DottedDates.appear(in: [["01.03.2026", "A", "1.200"], ["02.03.2026", "B", "800"]], columns: [0, 1, 2]))
        #expect(!DottedDates.appear(in: [["2026-03-01", "01.02.03", "1,500"], ["2026-03-02", "A7", "900"]], columns: [0, 1, 2]))
        #expect(!DottedDates.appear(in: [["01.03.2026", "A"]], columns: [1]))
    }

    /// `0,750` was read as 750: a first group of 0 cannot start a grouped number, so the comma
    /// is a decimal comma and the value is as ambiguous as `0,5` without the setting.
    @Test func aZeroBeforeACommaGroupIsNotThousands() {
        for text in ["0,750", "-0,250", "00,500", "$0,750", "(0,250)", "0,000", "0,750.5", "0,750 CR"] {
            #expect(parser.parse(text) == nil, "\(text)")
        }
        let semicolons = NumberParser(decimalComma: false, delimiter: UInt8(ascii: ";"))
        #expect(semicolons.parse("0,750") == nil)
        #expect(parser.explain("0,750") == "'0,750' is not a number (if ',' is the decimal mark, use --decimal-comma, or decimal: comma in a pipeline)")
        #expect(parser.explain("-0,250").contains("use --decimal-comma"))
        // With the setting it is the decimal it is; real thousands are as before.
        #expect(comma.parse("0,750") == 0.75 && comma.parse("-0,250") == -0.25 && comma.parse("00,500") == 0.5)
        #expect(parser.parse("1,750") == 1750 && parser.parse("10,750") == 10750 && parser.parse("100,000") == 100_000 && parser.parse("0.750") == 0.75)
        #expect(parser.parse("1,000,000") == 1_000_000 && parser.parse("-1,250.50") == -1250.5)
        // The same with the marks swapped: under --decimal-comma `0.750` groups nothing either.
        #expect(comma.parse("0.750") == nil && comma.parse("1.750") == 1750)
    }

    @Test func exactness() {
        // Each of these is the double nearest to the decimal text, as the compiler reads the literal.
        #expect(parser.parse("0.1") == 0.1)
        #expect(parser.parse("0.2") == 0.2)
        #expect(parser.parse("0.7") == 0.7)
        #expect(parser.parse("1e-5") == 1e-5)
        #expect(parser.parse("1e22") == 1e22)
        #expect(parser.parse("1e23") == 1e23)
        #expect(parser.parse("4.35") == 4.35)
        #expect(parser.parse("1.7976931348623157e308") == Double.greatestFiniteMagnitude)
        #expect(parser.parse("4.9e-324") == Double.leastNonzeroMagnitude)
        // 2^53 + 1 lies halfway between two doubles and rounds to the even one, 2^53.
        #expect(parser.parse("9007199254740993") == 9_007_199_254_740_992)
        #expect(parser.parse("9007199254740995") == 9_007_199_254_740_996)
    }

    @Test func veryLongDigitStrings() {
        let thirtyDigits = "123456789012345678901234567890"
        // Swift's own decimal reader is an independent, correctly rounded oracle.
        #expect(parser.parse(thirtyDigits) == Double(thirtyDigits))
        #expect(parser.parse("-" + thirtyDigits) == -Double(thirtyDigits)!)

        #expect(parser.parse("1" + String(repeating: "0", count: 300)) == 1e300)
        #expect(parser.parse("1" + String(repeating: "0", count: 400)) == nil)   // overflows
        #expect(parser.parse("0." + String(repeating: "0", count: 300) + "1") == 1e-301)
        #expect(parser.parse("1.5" + String(repeating: "0", count: 200)) == 1.5)
        #expect(parser.parse(String(repeating: "0", count: 200) + "7") == 7)

        let ones = "0." + String(repeating: "1", count: 60)
        #expect(parser.parse(ones) == Double(ones))

        // 1 followed by seven groups of three zeros.
        #expect(parser.parse("1,000,000,000,000,000,000,000") == 1e21)
        #expect(parser.parse("-$1,000,000,000,000,000,000,000.00") == -1e21)
    }

    @Test func bytesAndStringAgree() {
        var text = "$1,234.50"
        #expect(text.withUTF8 { parser.parse($0) } == 1234.5)
    }

    @Test func explanations() {
        #expect(parser.explain("") == "number is empty")
        #expect(parser.explain("  ") == "number is empty")
        #expect(parser.explain("abc") == "'abc' is not a number")
        #expect(parser.explain("NaN").contains("not a finite number"))
        #expect(parser.explain("-inf").contains("not a finite number"))
        let big = parser.explain("1e400")
        #expect(big.contains("'1e400'") && big.contains("out of range"))
        let ambiguous = parser.explain("1,2")
        #expect(ambiguous.contains("'1,2'"))
        #expect(ambiguous.contains("decimal"), "the hint should point at the decimal-comma setting: \(ambiguous)")
        // The flag and the pipeline key, and for European thousands too; not for US ones.
        #expect(parser.explain("1.000,50") == "'1.000,50' is not a number (if ',' is the decimal mark, use --decimal-comma, or decimal: comma in a pipeline)")
        #expect(!parser.explain("1,000.5x").contains("decimal"))
        // With a decimal comma set, the hint to set it would be wrong; a value with a decimal
        // point says the setting is why (a command's --decimal-comma reads every file: a US
        // item master beside a German usage export was "not a number" without a word on why).
        #expect(!comma.explain("1.5").contains("use --decimal-comma"))
        #expect(comma.explain("0.50").hasPrefix("'0.50' is not a number with ',' as the decimal mark, as the decimal comma set for it reads this file, but is one with a decimal point"))
        // The advice is for where the comma was set: it named `--decimal-comma` and advised
        // `--decimal budget=comma` whatever set it (wrong on aggregate, for a pair, in a pipeline).
        for (source, says) in [(DecimalCommaSource.flag("--decimal-comma"), "as --decimal-comma reads this file, but is one with a decimal point: if the file is written with decimal points, leave --decimal-comma out;"),
                               (.sharedFlag("--decimal comma", kind: "items"), "as --decimal comma reads this file, but is one with a decimal point: --decimal comma applies to every input of the command, so if this one is written with decimal points, add --decimal items=point"),
                               (.pair(kind: "actuals"), "as --decimal actuals=comma reads this file, but is one with a decimal point: if this file is written with decimal points, give --decimal actuals=point instead;"),
                               (.pipeline(stage: "gl"), "as decimal: comma on import 'gl' reads this file, but is one with a decimal point: if this file is written with decimal points, write decimal: point on import 'gl'")] {
            var set = NumberParser(decimalComma: true)
            set.commaSource = source
            let message = set.explain("0.50")
            #expect(message.contains(says) && !message.contains("budget"), "\(message)")
        }
        #expect(comma.explain("abc") == "'abc' is not a number")
    }
}
