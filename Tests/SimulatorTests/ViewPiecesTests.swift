import BoardEmulator
import BoardView
import Foundation
import XCTest

/// The parts of the picture on their own: PNG, font, board art, console, layout, input.
final class ViewPiecesTests: XCTestCase {
    func testPNGRoundTripsPixels() throws {
        let c = Canvas(width: 7, height: 3, background: Colour(10, 20, 30))
        c.fill(Rect(2, 1, 1, 1), Colour(200, 100, 50))
        let img = try XCTUnwrap(PNGDecoding.decode(PNGEncoder.encode(c)))
        XCTAssertEqual(img.width, 7)
        XCTAssertEqual(img.height, 3)
        XCTAssertEqual(Array(img.rgb[0..<3]), [10, 20, 30])
        let at = (1 * 7 + 2) * 3
        XCTAssertEqual(Array(img.rgb[at..<(at + 3)]), [200, 100, 50])
    }

    func testShippedFontHasEveryPrintableCharacter() throws {
        let font = try BitmapFont.standard()
        XCTAssertEqual(font.cellWidth, 8)
        XCTAssertEqual(font.cellHeight, 16)
        for v in 0x20...0x7E { XCTAssertTrue(font.hasGlyph(Unicode.Scalar(v)!), "glyph for \(v)") }
        for s in "°µ·×—→←↑↓▶‖█±".unicodeScalars { XCTAssertTrue(font.hasGlyph(s), "glyph for \(s)") }
        let c = Canvas(width: 40, height: 16, background: .black)
        font.draw("A", at: 0, 0, .white, on: c)
        XCTAssertGreaterThan(c.pixels.filter { $0 == 0xFFFF_FFFF }.count, 10, "A leaves ink")
    }

    func testMalformedFontIsRefusedWithLineAndReason() {
        let bad = "width 8\nheight 2\nbaseline 1\n\nglyph 0x003F ?\n####....\n###\n"
        XCTAssertThrowsError(try BitmapFont(text: bad, file: "bad.txt")) { e in
            XCTAssertEqual("\(e)", "bad.txt: line 7: a glyph row is 8 characters of # and .")
        }
        XCTAssertThrowsError(try BitmapFont(text: "glyph 0x0041 A\n", file: "x.txt")) { e in
            XCTAssertTrue("\(e)".contains("width, height and baseline must come before"), "\(e)")
        }
    }

    func testBoardArtLoadsForEveryBoardAndBadArtIsRefused() throws {
        for id in ["pico_w", "esp32s3"] {
            let art = try BoardArt.load(boardID: id)
            XCTAssertEqual(art.board, id)
            XCTAssertFalse(art.lights.isEmpty, "\(id) has its on-board light")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("art-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = """
        {"board": "x", "pcb": "#123456", "pcbEdge": "#000000", "cornerMM": 1, "pad": "#ffffff", "silkscreen": "#ffffff",
         "shapes": [{"kind": "rect", "x": 0, "y": 0, "w": 1, "h": 1, "colour": "green"}], "lights": []}
        """
        try json.write(to: dir.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try BoardArt.load(boardID: "x", directory: dir)) { e in
            XCTAssertEqual("\(e)", "x.json: shapes[0].colour: \"green\" is not #rrggbb or #rrggbbaa")
        }
        XCTAssertThrowsError(try BoardArt.load(boardID: "nope", directory: dir)) { e in
            XCTAssertTrue("\(e)".hasPrefix("nope.json: file: no art for board"), "\(e)")
        }
    }

    func testConsoleBehavesLikeATerminal() {
        var c = ConsoleBuffer(capacity: 3)
        c.write("one\r\ntwo\r\n>>> ab\u{8} \u{8}c\u{1B}[K")
        XCTAssertEqual(c.text, "one\ntwo\n>>> ac")
        c.write("\r\nfour\nfive")
        XCTAssertEqual(c.lines.count, 3, "only the last lines are kept")
        XCTAssertEqual(c.lastRows(5, width: 2), ["ac", "fo", "ur", "fi", "ve"], "long lines wrap")
        XCTAssertEqual(c.lastRows(2, width: 2), ["fi", "ve"])
        var u = ConsoleBuffer()
        let deg = Array("24 °C".utf8)
        u.write(bytes: Array(deg[0..<4]))   // "24 " and the first byte of °
        u.write(bytes: Array(deg[4...]))
        XCTAssertEqual(u.text, "24 °C", "a character split across chunks arrives whole")
    }

    func scene(width: Int = 1280, height: Int = 800) throws -> Scene {
        let def = try BoardDefinition.load(id: "pico_w")
        return Scene(definition: def, art: try BoardArt.load(boardID: "pico_w"), font: try BitmapFont.standard(),
                     flavour: .micropython, projectName: "t", width: width, height: height, partCount: 4)
    }

    func testLayoutKeepsBoardCardsAndControlsApartAtEverySize() throws {
        for (w, h) in [(640, 480), (1280, 800), (1920, 1080), (900, 1200)] {
            let s = try scene(width: w, height: h)
            let l = s.layout
            XCTAssertGreaterThanOrEqual(l.board.x, l.boardArea.x, "\(w)x\(h)")
            XCTAssertLessThanOrEqual(l.board.maxX, l.boardArea.maxX + 0.5, "\(w)x\(h)")
            XCTAssertLessThanOrEqual(l.board.maxY, l.console.y, "\(w)x\(h)")
            XCTAssertEqual(l.cards.count, 4)
            for c in l.cards {
                XCTAssertGreaterThanOrEqual(c.x, l.partsArea.x, "\(w)x\(h)")
                XCTAssertLessThanOrEqual(c.maxX, l.controlsArea.x, "\(w)x\(h)")
                XCTAssertLessThanOrEqual(c.maxY, l.console.y, "\(w)x\(h)")
            }
        }
    }

    func testClicksAndKeysBecomeActions() throws {
        let s = try scene()
        s.environment.temperature = 24
        let plus = try XCTUnwrap(s.controlRects().first { $0.0 == .stepUp(.temperature) }?.1)
        XCTAssertEqual(s.handle(pointer: .down(plus.center)), [.setEnvironment(.temperature, 24.5)])
        XCTAssertEqual(s.handle(pointer: .up(plus.center)), [])
        let track = s.sliderTrack(.humidity)
        XCTAssertEqual(s.handle(pointer: .down(Point(track.maxX, track.center.y))), [.setEnvironment(.humidity, 100)])
        XCTAssertEqual(s.handle(pointer: .move(Point(track.x - 50, track.center.y))), [.setEnvironment(.humidity, 0)],
                       "dragging clamps to the slider's range")
        _ = s.handle(pointer: .up(.init(0, 0)))
        XCTAssertEqual(s.handle(pointer: .move(Point(track.maxX, track.center.y))), [], "no drag after release")
        XCTAssertEqual(s.handle(key: .control("r")), [.reload])
        XCTAssertEqual(s.handle(key: .control("c")), [.serialInput([3])])
        XCTAssertEqual(s.handle(key: .control("d")), [.serialInput([4])])
        XCTAssertEqual(s.handle(key: .text("x=1")), [.serialInput(Array("x=1".utf8))])
        XCTAssertEqual(s.handle(key: .enter), [.serialInput([13])])
        XCTAssertEqual(s.handle(key: .function(12)), [.screenshot])
        XCTAssertEqual(s.handle(key: .control("=")), [.faster])
    }

    func testASlideSwitchClickFlipsItAndTheWheelSetsWhatADHT22Reads() throws {
        let s = try scene()
        var snap = BoardSnapshot()
        snap.parts = [PartView(id: "sw", wires: [("2", .gpio(14))], kind: .slideSwitch(right: false)),
                      PartView(id: "dht", wires: [("SDA", .gpio(2))],
                               kind: .dht22(temperature: 21.5, humidity: 45.8, reads: 3, ownTemperature: true, ownHumidity: false))]
        s.render(snap, on: Canvas(width: 1280, height: 800))
        let rects = s.controlRects()
        let sw = try XCTUnwrap(rects.first { $0.0 == .slideSwitch("sw") }?.1)
        XCTAssertEqual(s.handle(pointer: .down(sw.center)), [.setSlideSwitch(id: "sw", right: true)])
        XCTAssertEqual(s.handle(pointer: .up(sw.center)), [])
        let t = try XCTUnwrap(rects.first { $0.0 == .dhtTemperature("dht") }?.1)
        let h = try XCTUnwrap(rects.first { $0.0 == .dhtHumidity("dht") }?.1)
        XCTAssertEqual(s.handle(pointer: .wheel(t.center, 2)), [.setDHT22(id: "dht", temperature: 22.5, humidity: nil)])
        XCTAssertEqual(s.handle(pointer: .wheel(h.center, -1)), [.setDHT22(id: "dht", temperature: nil, humidity: 45)])
        XCTAssertEqual(s.handle(pointer: .down(t.center)), [], "a click on the sensor does nothing")
    }
}
