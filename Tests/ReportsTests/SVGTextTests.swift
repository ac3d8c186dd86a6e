import Testing
@testable import Reports

@Suite("SVG text")
struct SVGTextTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(SVGText.escaped("<script>alert('x') & \"y\"</script>")
            == "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func charactersXMLForbidsBecomeSpaces() {
        #expect(SVGText.escaped("a\u{0}b\u{1B}c\nd\te\u{FFFF}") == "a b c d e ")
        #expect(SVGText.escaped("🏥 Zürich 日本") == "🏥 Zürich 日本")
    }

    @Test func longTextIsCutWithAnEllipsis() {
        let long = String(repeating: "Cardiology ", count: 50)
        let cut = SVGText.truncated(long, toWidth: 200, size: 12)
        #expect(cut.hasSuffix("…"))
        #expect(SVGText.width(cut, size: 12) <= 200)
        #expect(SVGText.truncated("ICU", toWidth: 200, size: 12) == "ICU")
    }

    @Test func emojiAreNeverSplit() {
        let cut = SVGText.truncated(String(repeating: "👩‍⚕️", count: 40), toWidth: 60, size: 12)
        #expect(cut.hasSuffix("…"))
        #expect(cut.dropLast().allSatisfy { $0 == "👩‍⚕️" })
    }

    @Test func wrapsAtSpacesWithinTheLineLimit() {
        let text = "Monthly issues of nitrile gloves at Main Campus with 80% and 95% prediction intervals from the chosen model"
        let lines = SVGText.wrapped(text, toWidth: 300, size: 12, maxLines: 10)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.allSatisfy { SVGText.width($0, size: 12) <= 300 })
        let two = SVGText.wrapped(text, toWidth: 300, size: 12, maxLines: 2)
        #expect(two.count == 2)
        #expect(two[1].hasSuffix("…"))
        #expect(SVGText.wrapped("", toWidth: 300, size: 12, maxLines: 2).isEmpty)
    }
}
