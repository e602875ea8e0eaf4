import BoardView
import CSDL2
import BoardSupervisor
import FirmwareAPI
import Foundation
import Simulator

/// The SDL window: draws the scene at 60 frames a second from the newest
/// snapshot while the firmware runs on its own thread, and turns SDL's events
/// into the scene's input (keys, mouse, wheel, dropped files, resizes).
public final class SimulatorWindow {
    let simulator: LiveSimulator
    let scene: Scene
    public static let defaultSize = (width: 1280, height: 800)
    /// Frames drawn, and the time spent drawing them (rendering and presenting,
    /// not the wait for the next frame): `BREADBOX_FRAME_STATS=1` prints them at the end.
    public private(set) var framesDrawn = 0
    public private(set) var drawingSeconds = 0.0
    public private(set) var slowestFrameSeconds = 0.0
    /// Where F12 / Ctrl-S screenshots go.
    public var screenshotFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    public init(simulator: LiveSimulator, scene: Scene) {
        self.simulator = simulator
        self.scene = scene
    }

    /// Whether SDL can open a window here (a display is reachable). SDL falls
    /// back to its off-screen drivers when no display answers; those count only
    /// when asked for by name (`SDL_VIDEODRIVER=dummy`, as the tests do).
    public static func displayAvailable() -> Bool {
        let env = ProcessInfo.processInfo.environment
        #if os(Linux)
        if env["DISPLAY", default: ""].isEmpty && env["WAYLAND_DISPLAY", default: ""].isEmpty && env["SDL_VIDEODRIVER"] == nil {
            noDisplayReason = "neither DISPLAY nor WAYLAND_DISPLAY is set"
            return false
        }
        #endif
        if SDL_WasInit(UInt32(SDL_INIT_VIDEO)) == 0 {
            guard SDL_Init(UInt32(SDL_INIT_VIDEO)) == 0 else { return false }
        }
        let driver = SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? ""
        let asked = env["SDL_VIDEODRIVER"] ?? ""
        if ["offscreen", "dummy", "evdev"].contains(driver) && asked != driver {
            SDL_QuitSubSystem(UInt32(SDL_INIT_VIDEO))
            noDisplayReason = "SDL found only its \(driver) driver"
            return false
        }
        return true
    }

    private nonisolated(unsafe) static var noDisplayReason: String?

    /// The reason SDL gave for the last failure.
    public static var lastError: String {
        if let r = noDisplayReason { return r }
        return String(cString: SDL_GetError())
    }

    /// Runs until the window is closed (nil) or the run ends by itself (its result).
    public func run() -> HeadlessResult? {
        guard SimulatorWindow.displayAvailable() else { return nil }
        defer { SDL_Quit() }
        var size = SimulatorWindow.defaultSize
        let title = "Breadbox — \(simulator.projectName)"
        guard let window = SDL_CreateWindow(title, Int32(0x2FFF_0000), Int32(0x2FFF_0000), Int32(size.width), Int32(size.height),
                                            SDL_WINDOW_RESIZABLE.rawValue | SDL_WINDOW_SHOWN.rawValue) else {
            FileHandle.standardError.write(Data("breadbox run: cannot open a window: \(SimulatorWindow.lastError)\n".utf8))
            return nil
        }
        defer { SDL_DestroyWindow(window) }
        SDL_SetWindowMinimumSize(window, 640, 480)
        guard let renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED.rawValue)
                ?? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue) else {
            FileHandle.standardError.write(Data("breadbox run: no renderer: \(SimulatorWindow.lastError)\n".utf8))
            return nil
        }
        defer { SDL_DestroyRenderer(renderer) }
        var texture: OpaquePointer? = nil
        var canvas = Canvas(width: size.width, height: size.height)
        func makeTexture() {
            if let t = texture { SDL_DestroyTexture(t) }
            texture = SDL_CreateTexture(renderer, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue),
                                        Int32(SDL_TEXTUREACCESS_STREAMING.rawValue), Int32(size.width), Int32(size.height))
        }
        makeTexture()
        defer { if let t = texture { SDL_DestroyTexture(t) } }
        _ = SDL_EventState(UInt32(SDL_DROPFILE.rawValue), SDL_ENABLE)
        SDL_StartTextInput()

        simulator.start()
        var quit = false
        var meter = SpeedMeter()
        let frame = 1.0 / 60
        var event = SDL_Event()
        while !quit {
            let started = ProcessInfo.processInfo.systemUptime
            while SDL_PollEvent(&event) != 0 {
                for action in actions(for: &event, size: &size, resized: { makeTexture(); canvas = Canvas(width: size.width, height: size.height) }) {
                    switch action {
                    case .quit: quit = true
                    case .screenshot: scene.notice = saveScreenshot(canvas)
                    case .dropFile(let path): scene.notice = simulator.drop(path)
                    default: simulator.perform(action)
                    }
                }
            }
            let (snapshot, serial) = simulator.take()
            if !serial.isEmpty { scene.console.write(bytes: serial) }
            scene.speedSetting = simulator.speedLabel
            scene.measuredSpeed = meter.update(virtual: snapshot.virtualNanoseconds, wall: started, paused: snapshot.state == .paused)
            scene.render(snapshot, on: canvas)
            canvas.pixels.withUnsafeBytes { p in
                _ = SDL_UpdateTexture(texture, nil, p.baseAddress, Int32(canvas.width * 4))
            }
            SDL_RenderClear(renderer)
            SDL_RenderCopy(renderer, texture, nil, nil)
            SDL_RenderPresent(renderer)
            let spent = ProcessInfo.processInfo.systemUptime - started
            framesDrawn += 1
            drawingSeconds += spent
            slowestFrameSeconds = max(slowestFrameSeconds, spent)
            if let r = simulator.finished {
                simulator.stop()
                return r
            }
            if spent < frame { Thread.sleep(forTimeInterval: frame - spent) }
        }
        simulator.stop()
        return nil
    }

    /// A file dropped on the window, as the desktop would deliver it (SDL_DROPFILE);
    /// safe from any thread. Tests use it; so could a file manager integration.
    public static func pushDrop(path: String) {
        var e = SDL_Event()
        e.type = UInt32(SDL_DROPFILE.rawValue)
        e.drop.file = SDL_strdup(path)
        SDL_PushEvent(&e)
    }

    public var frameStatsText: String {
        let mean = framesDrawn > 0 ? drawingSeconds / Double(framesDrawn) * 1000 : 0
        return String(format: "frames: %d drawn, %.2f ms mean, %.2f ms slowest (budget 16.7 ms)",
                      framesDrawn, mean, slowestFrameSeconds * 1000)
    }

    /// F12: the window as it is now, as a PNG next to where breadbox was started.
    private func saveScreenshot(_ canvas: Canvas) -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        let url = screenshotFolder.appendingPathComponent("breadbox-\(simulator.projectName)-\(stamp).png")
        do {
            try PNGEncoder.write(canvas, to: url)
            return "screenshot: \(url.lastPathComponent)"
        } catch {
            return "screenshot failed: \(error.localizedDescription)"
        }
    }

    private func actions(for e: inout SDL_Event, size: inout (width: Int, height: Int), resized: () -> Void) -> [UserAction] {
        switch SDL_EventType(rawValue: e.type) {
        case SDL_QUIT:
            return [.quit]
        case SDL_WINDOWEVENT:
            if e.window.event == UInt8(SDL_WINDOWEVENT_SIZE_CHANGED.rawValue) {
                size = (Int(max(1, e.window.data1)), Int(max(1, e.window.data2)))
                resized()
            }
            return []
        case SDL_MOUSEBUTTONDOWN where e.button.button == UInt8(SDL_BUTTON_LEFT):
            return scene.handle(pointer: .down(Point(Double(e.button.x), Double(e.button.y))))
        case SDL_MOUSEBUTTONUP where e.button.button == UInt8(SDL_BUTTON_LEFT):
            return scene.handle(pointer: .up(Point(Double(e.button.x), Double(e.button.y))))
        case SDL_MOUSEMOTION:
            return scene.handle(pointer: .move(Point(Double(e.motion.x), Double(e.motion.y))))
        case SDL_MOUSEWHEEL:
            var x: Int32 = 0, y: Int32 = 0
            SDL_GetMouseState(&x, &y)
            return scene.handle(pointer: .wheel(Point(Double(x), Double(y)), Int(e.wheel.y)))
        case SDL_TEXTINPUT:
            // A control chord was taken by SDL_KEYDOWN; some platforms still send its text.
            if UInt32(SDL_GetModState().rawValue) & UInt32(KMOD_CTRL.rawValue) != 0 { return [] }
            let text = withUnsafeBytes(of: &e.text.text) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            return scene.handle(key: .text(text))
        case SDL_KEYDOWN:
            guard let key = SimulatorWindow.keyPress(sym: e.key.keysym.sym, modifiers: UInt32(e.key.keysym.mod)) else { return [] }
            return scene.handle(key: key)
        case SDL_DROPFILE:
            guard let file = e.drop.file else { return [] }
            let path = String(cString: file)
            SDL_free(file)
            return [.dropFile(path: path)]
        default:
            return []
        }
    }

    /// The keys that do not arrive as text: control chords, editing keys, F-keys.
    static func keyPress(sym: SDL_Keycode, modifiers: UInt32) -> KeyPress? {
        let ctrl = modifiers & UInt32(KMOD_CTRL.rawValue) != 0
        switch Int(sym) {
        case Int(SDLK_RETURN.rawValue), Int(SDLK_KP_ENTER.rawValue): return .enter
        case Int(SDLK_BACKSPACE.rawValue): return .backspace
        case Int(SDLK_TAB.rawValue): return .tab
        case Int(SDLK_ESCAPE.rawValue): return .escape
        case Int(SDLK_UP.rawValue): return .up
        case Int(SDLK_DOWN.rawValue): return .down
        case Int(SDLK_LEFT.rawValue): return .left
        case Int(SDLK_RIGHT.rawValue): return .right
        case Int(SDLK_F1.rawValue)...Int(SDLK_F12.rawValue): return .function(Int(sym) - Int(SDLK_F1.rawValue) + 1)
        case Int(SDLK_KP_PLUS.rawValue) where ctrl: return .control("+")
        case Int(SDLK_KP_MINUS.rawValue) where ctrl: return .control("-")
        case 0x20...0x7E where ctrl:
            return .control(Character(UnicodeScalar(UInt8(sym))).lowercased().first!)
        default: return nil
        }
    }
}

/// Virtual seconds per wall second over the last second or so.
struct SpeedMeter {
    private var origin: (virtual: UInt64, wall: Double)?
    private var value: Double?

    mutating func update(virtual: UInt64, wall: Double, paused: Bool) -> Double? {
        if paused { origin = nil; return 0 }
        guard let o = origin else { origin = (virtual, wall); return value }
        let dt = wall - o.wall
        if dt >= 1 {
            value = Double(virtual &- o.virtual) / 1e9 / dt
            origin = (virtual, wall)
        }
        return value
    }
}
