/// Path data (`M x y L x y … Z`) built point by point, for lines with gaps and filled bands.
struct SVGPath {
    private(set) var data = ""

    var isEmpty: Bool { data.isEmpty }

    /// Starts a new piece of the path; a line with a gap is one path with two pieces.
    mutating func move(to x: Double, _ y: Double) { command("M", x, y) }

    mutating func line(to x: Double, _ y: Double) { command("L", x, y) }

    mutating func close() { data += "Z" }

    private mutating func command(_ letter: String, _ x: Double, _ y: Double) {
        if !data.isEmpty && data.last != "Z" { data += " " }
        data += letter
        data += SVGDocument.coordinate(x)
        data += " "
        data += SVGDocument.coordinate(y)
    }
}
