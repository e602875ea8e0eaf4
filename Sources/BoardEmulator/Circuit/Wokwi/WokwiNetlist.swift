/// The nets of a Wokwi diagram: which pins are joined, by wires, by a
/// breadboard's strips, by a part's own internal ties (a push button's `1.l`
/// and `1.r`), and by series resistors. A net is a net: an LED whose anode
/// reaches GP15 through a resistor is an LED on GP15.
///
/// The board's own pins become `gpio:N`, `GND` (every ground pin) and `VCC`
/// (3V3 and the 5 V rails: a part sees them all as high).
struct WokwiNetlist {
    /// A node of the graph: a board GPIO, ground, supply, or a part's pin.
    enum Node: Hashable, CustomStringConvertible {
        case gpio(Int)
        case ground
        case supply
        case pin(part: String, name: String)

        var description: String {
            switch self {
            case .gpio(let n): return "GPIO\(n)"
            case .ground: return "GND"
            case .supply: return "3V3"
            case .pin(let p, let n): return "\(p):\(n)"
            }
        }
    }

    private var parent: [Node: Node] = [:]

    func root(_ n: Node) -> Node {
        var n = n
        while let p = parent[n], p != n { n = p }
        return n
    }

    mutating func join(_ a: Node, _ b: Node) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[ra] = rb }
        if parent[rb] == nil { parent[rb] = rb }
    }

    mutating func add(_ n: Node) { if parent[n] == nil { parent[n] = n } }

    /// Every node on `n`'s net (itself included).
    func members(of n: Node) -> [Node] {
        let r = root(n)
        return parent.keys.filter { root($0) == r }
    }

    /// What a net holds that matters to a part on it.
    struct NetFacts {
        var gpios: [Int] = []
        var ground = false
        var supply = false
        /// Other parts' pins (breadboard holes left out).
        var partPins: [Node] = []

        var isPower: Bool { ground || supply }
        /// Nothing but the asking part's own pins.
        var isEmpty: Bool { gpios.isEmpty && !isPower && partPins.isEmpty }
    }

    /// The facts of `n`'s net as seen from `part` (whose own pins and the
    /// breadboards' holes are not counted as other parts).
    func facts(of n: Node, from part: String, passive: Set<String>) -> NetFacts {
        var f = NetFacts()
        for m in members(of: n) {
            switch m {
            case .gpio(let g): f.gpios.append(g)
            case .ground: f.ground = true
            case .supply: f.supply = true
            case .pin(let p, _): if p != part && !passive.contains(p) { f.partPins.append(m) }
            }
        }
        f.gpios.sort()
        f.partPins.sort { $0.description < $1.description }
        return f
    }
}
