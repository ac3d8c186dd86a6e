import Testing
@testable import Pipeline

/// The block-at-a-time SHA-256 against FIPS 180-4 vectors, fed whole and in uneven pieces so
/// blocks that straddle `update` calls (the pending buffer) are covered too.
@Suite struct SHA256Tests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test func knownVectorsWhole() {
        for (message, digest) in Self.vectors { #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest) }
    }

    @Test func aMillionAsInUnevenPieces() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var h = SHA256()
        var offset = 0, step = 1
        million.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = min(step, raw.count - offset)
                h.update(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + n]))
                offset += n
                step = step % 200 + 7
            }
        }
        #expect(h.finish() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
