import Testing
@testable import RenkeiIO

/// Bytes here are what Python's codecs produce (see Fixtures/make_fixtures.py); e.g.
/// `'①㈱髙﨑'.encode('cp932') == b'\x87@\x87\x8a\xee\xe0\xed\x95'`.
@Suite struct TextEncodingTests {
    static let expectedText = "団体名,連携先,連携内容,重み\r\n北区社協,ＮＰＯ法人　わんず,後援;会場提供,2\r\n"

    @Test(arguments: [
        ("encodings/utf8.csv", TextEncoding.utf8),
        ("encodings/utf8_bom.csv", .utf8BOM),
        ("encodings/utf16le_bom.csv", .utf16LE),
        ("encodings/utf16be_bom.csv", .utf16BE),
        ("encodings/sjis_japanese_headers.csv", .shiftJIS),
    ])
    func detectsEveryEncoding(_ file: String, _ encoding: TextEncoding) throws {
        let (text, detected) = try TextCodec.decode(try Fixture.bytes(file))
        #expect(detected == encoding)
        #expect(text.hasPrefix(Self.expectedText))
        #expect(text.contains("㈱髙﨑製作所"))
        #expect(text.contains("サロン①「いこい」"))
    }

    @Test func cp932ExtensionsDecode() throws {
        let bytes: [UInt8] = [0x87, 0x40, 0x87, 0x8A, 0xEE, 0xE0, 0xED, 0x95]
        #expect(try TextCodec.decode(bytes, as: .shiftJIS) == "①㈱髙﨑")
        #expect(try TextCodec.decode(bytes).encoding == .shiftJIS)
    }

    @Test func cp932EncodeMatchesPython() throws {
        // Python: 'サロン①㈱'.encode('cp932') == b'\x83T\x83\x8d\x83\x93\x87@\x87\x8a'
        #expect(try TextCodec.encode("サロン①㈱", as: .shiftJIS) == [0x83, 0x54, 0x83, 0x8D, 0x83, 0x93, 0x87, 0x40, 0x87, 0x8A])
        let round = try TextCodec.decode(try TextCodec.encode(Self.expectedText, as: .shiftJIS), as: .shiftJIS)
        #expect(round == Self.expectedText)
    }

    @Test func unencodableCharacterFailsClearly() {
        do {
            _ = try TextCodec.encode("北区\n社協😀", as: .shiftJIS)
            Issue.record("expected an error")
        } catch let e as TextEncodingError {
            #expect(e.line == 2)
            #expect(e.message.contains("😀"))
            #expect(e.message.contains("U+1F600"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func utf16AndBOMEncodeRoundTrip() throws {
        for enc in [TextEncoding.utf8BOM, .utf16LE, .utf16BE] {
            let bytes = try TextCodec.encode("北区社協,𠮷野家\n", as: enc)
            let (text, detected) = try TextCodec.decode(bytes)
            #expect(detected == enc)
            #expect(text == "北区社協,𠮷野家\n")
        }
    }

    @Test func undecodableShiftJISNamesTheLine() throws {
        do {
            _ = try TextCodec.decode(try Fixture.bytes("bad/undecodable.csv"))
            Issue.record("expected an error")
        } catch let e as TextEncodingError {
            #expect(e.line == 3)
            #expect(e.message.contains("0x85 0x40"))
        }
    }

    @Test func brokenUTF8NamesTheLine() throws {
        do {
            _ = try TextCodec.decode(try Fixture.bytes("bad/broken_utf8.csv"))
            Issue.record("expected an error")
        } catch let e as TextEncodingError {
            #expect(e.line == 4)
            #expect(e.message.contains("0xFF"))
        }
    }

    @Test func plainASCIIIsUTF8() throws {
        #expect(try TextCodec.decode(Array("a,b\n".utf8)).encoding == .utf8)
    }
}
