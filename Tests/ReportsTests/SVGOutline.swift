import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a chart's SVG says when read back with a real XML parser: whether it is well formed,
/// its root and accessible name, and every drawn element's geometry, so tests can check that
/// nothing sits outside the picture.
final class SVGOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private(set) var parseError: String?
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            parseError = "line \(parser.lineNumber), column \(parser.columnNumber): " + (parser.parserError.map { "\($0)" } ?? "unknown error")
        }
    }

    var root: Element? { elements.first }
    var width: Double { Double(root?.attributes["width"] ?? "") ?? .nan }
    var height: Double { Double(root?.attributes["height"] ?? "") ?? .nan }
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        self.parseError = self.parseError ?? "\(parseError)"
    }

    /// Problems with geometry: non-numeric or non-finite coordinates, shapes outside the
    /// canvas, and text whose estimated extent (DejaVu Sans widths, as the charts use) is cut off.
    func geometryProblems(textWidth: (String, Double) -> Double) -> [String] {
        var problems: [String] = []
        let width = self.width, height = self.height
        func number(_ element: Element, _ key: String) -> Double? {
            guard let text = element.attributes[key] else { return nil }
            guard let value = Double(text), value.isFinite else {
                problems.append("<\(element.name)> \(key)=\"\(text)\" is not a finite number")
                return nil
            }
            return value
        }
        func inside(_ element: Element, x: Double, y: Double) {
            if x < -0.05 || x > width + 0.05 || y < -0.05 || y > height + 0.05 {
                problems.append("<\(element.name)> at (\(x), \(y)) is outside \(width)x\(height)")
            }
        }
        for element in elements {
            switch element.name {
            case "rect":
                let x = number(element, "x") ?? 0, y = number(element, "y") ?? 0
                let w = number(element, "width") ?? 0, h = number(element, "height") ?? 0
                inside(element, x: x, y: y)
                inside(element, x: x + w, y: y + h)
            case "line":
                inside(element, x: number(element, "x1") ?? 0, y: number(element, "y1") ?? 0)
                inside(element, x: number(element, "x2") ?? 0, y: number(element, "y2") ?? 0)
            case "circle":
                inside(element, x: number(element, "cx") ?? 0, y: number(element, "cy") ?? 0)
            case "path":
                let numbers = (element.attributes["d"] ?? "").split(whereSeparator: { "MLZ ".contains($0) }).map { Double($0) }
                if numbers.contains(where: { $0 == nil || !$0!.isFinite }) { problems.append("<path> d has a bad number") }
                let values = numbers.compactMap { $0 }
                for index in stride(from: 0, to: values.count - 1, by: 2) { inside(element, x: values[index], y: values[index + 1]) }
            case "text":
                _ = number(element, "x")
                _ = number(element, "y")
                let box = textBox(element, textWidth: textWidth)
                inside(element, x: box.left, y: box.top)
                inside(element, x: box.right, y: box.bottom)
            default:
                break
            }
        }
        return problems
    }

    /// Pairs of text elements whose estimated boxes overlap, as "first | second".
    func overlappingText(textWidth: (String, Double) -> Double) -> [String] {
        let texts = all("text").map { ($0.text, textBox($0, textWidth: textWidth)) }
        var overlaps: [String] = []
        for (index, (text, box)) in texts.enumerated() {
            for (other, otherBox) in texts[(index + 1)...]
            where box.left < otherBox.right && otherBox.left < box.right && box.top < otherBox.bottom && otherBox.top < box.bottom {
                overlaps.append("\(text) | \(other)")
            }
        }
        return overlaps
    }

    /// The box a text element covers: its estimated advance width, and from ascender to descender.
    private func textBox(_ element: Element, textWidth: (String, Double) -> Double) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let x = Double(element.attributes["x"] ?? "") ?? 0, y = Double(element.attributes["y"] ?? "") ?? 0
        let size = Double(element.attributes["font-size"] ?? "") ?? 12
        let extent = textWidth(element.text, size) * (element.attributes["font-weight"] == "bold" ? 1.1 : 1)
        let left: Double
        switch element.attributes["text-anchor"] {
        case "middle": left = x - extent / 2
        case "end": left = x - extent
        default: left = x
        }
        return (left, left + extent, y - size * 0.76, y + size * 0.24)
    }
}
