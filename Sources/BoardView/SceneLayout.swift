import BoardEmulator

/// Where everything goes in a window of a given size: title bar, the board,
/// the part cards, the control panel, the serial console, the network panel
/// beside it and the status line.
/// Recomputed on every resize; pure geometry, so tests can find the LED.
public struct SceneLayout {
    public let width: Double, height: Double
    public let titleBar: Rect
    public let statusBar: Rect
    public let console: Rect
    /// Wi-Fi, the access points' switch and the traffic log, right of the console.
    public let network: Rect
    public let boardArea: Rect
    public let partsArea: Rect
    public let controlsArea: Rect
    /// The board's outline and its scale (pixels per millimetre).
    public let board: Rect
    public let pixelsPerMM: Double
    /// One card per part, in circuit order.
    public let cards: [Rect]

    public static let titleHeight = 30.0
    public static let statusHeight = 24.0
    /// Room for pin labels on each side of the board.
    public static let labelRoom = 76.0

    public init(width: Int, height: Int, definition: BoardDefinition, partCount: Int) {
        let w = Double(max(width, 320)), h = Double(max(height, 240))
        self.width = w; self.height = h
        titleBar = Rect(0, 0, w, Self.titleHeight)
        statusBar = Rect(0, h - Self.statusHeight, w, Self.statusHeight)
        let consoleHeight = max(120, (h * 0.28).rounded())
        // The network panel takes the console's right end: serial output is
        // rarely wider than 80 columns, and log lines need about 60 to be read.
        let networkWidth = min(560, max(300, (w * 0.38).rounded()))
        console = Rect(0, statusBar.y - consoleHeight, w - networkWidth, consoleHeight)
        network = Rect(console.maxX, console.y, networkWidth, consoleHeight)
        let mainTop = titleBar.maxY, mainHeight = max(60, console.y - mainTop)
        let controlsWidth = max(250, (w * 0.24).rounded())
        let boardWidth = max(200, (w * 0.36).rounded())
        boardArea = Rect(0, mainTop, boardWidth, mainHeight)
        controlsArea = Rect(w - controlsWidth, mainTop, controlsWidth, mainHeight)
        partsArea = Rect(boardWidth, mainTop, max(0, controlsArea.x - boardWidth), mainHeight)

        let lay = definition.layout
        let scale = max(1, min((boardArea.height - 72) / lay.heightMM,
                               (boardArea.width - 2 * Self.labelRoom - 20) / lay.widthMM))
        pixelsPerMM = scale
        let bw = lay.widthMM * scale, bh = lay.heightMM * scale
        board = Rect((boardArea.x + (boardArea.width - bw) / 2).rounded(),
                     (boardArea.y + 44 + (boardArea.height - 72 - bh) / 2).rounded(), bw, bh)

        // Cards: one column when they fit, else two.
        var cards: [Rect] = []
        if partCount > 0 {
            let gap = 12.0
            let area = partsArea.inset(14)
            let columns = partCount > 1 && (area.height - gap * Double(partCount - 1)) / Double(partCount) < 66 ? 2 : 1
            let rowsCount = (partCount + columns - 1) / columns
            let cardW = min(300, (area.width - gap * Double(columns - 1)) / Double(columns))
            let cardH = min(130, max(40, (area.height - gap * Double(rowsCount - 1)) / Double(rowsCount)))
            let left = area.maxX - cardW * Double(columns) - gap * Double(columns - 1)
            let top = area.y + max(0, (area.height - cardH * Double(rowsCount) - gap * Double(rowsCount - 1)) / 2)
            for i in 0..<partCount {
                let c = i / rowsCount, r = i % rowsCount
                cards.append(Rect((left + Double(c) * (cardW + gap)).rounded(),
                                  (top + Double(r) * (cardH + gap)).rounded(), cardW.rounded(), cardH.rounded()))
            }
        }
        self.cards = cards
    }

    /// Centre of a header pin's pad in window pixels.
    public func padCentre(_ pin: BoardDefinition.HeaderPin) -> Point {
        Point(board.x + pin.x * pixelsPerMM, board.y + pin.y * pixelsPerMM)
    }

    /// A rectangle in the board's millimetres, in window pixels.
    public func boardRect(x: Double, y: Double, w: Double, h: Double) -> Rect {
        Rect(board.x + x * pixelsPerMM, board.y + y * pixelsPerMM, w * pixelsPerMM, h * pixelsPerMM)
    }

    // MARK: Inside a card

    /// The drawing of the part (left square of the card).
    public func cardPicture(_ card: Rect) -> Rect {
        let side = min(card.height - 16, 96)
        return Rect(card.x + 10, card.y + (card.height - side) / 2, side, side)
    }

    /// Where the wire enters the card: its left edge, one slot per wire.
    public func wireAnchor(_ card: Rect, index: Int, count: Int) -> Point {
        Point(card.x, card.y + card.height * Double(index + 1) / Double(count + 1))
    }
}
