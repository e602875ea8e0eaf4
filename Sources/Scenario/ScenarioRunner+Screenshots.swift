import BoardView
import Foundation

/// `take-screenshot`: `save-to` writes the picture, `compare-with` checks it
/// pixel for pixel against a PNG (wokwi-cli's: the first differing x,y is
/// reported); paths are relative to the scenario file. With
/// `--update-screenshots` the `compare-with` file is rewritten instead.
extension ScenarioRunner {
    func takeScreenshot(_ step: ScenarioStep, _ partID: String, _ saveTo: String?, _ compareWith: String?) {
        guard let camera else { return fail(step, "no camera") }
        let canvas: Canvas
        switch camera.picture(of: partID) {
        case .success(let c): canvas = c
        case .failure(let why): return fail(step, "cannot render \(partID): \(why)")
        }
        let png = PNGEncoder.encode(canvas)
        let folder = scenario.folder
        if let saveTo {
            do { try Data(png).write(to: folder.appendingPathComponent(saveTo)) } catch {
                return fail(step, "cannot write \(saveTo): \(error.localizedDescription)")
            }
        }
        guard let compareWith else { return }
        let reference = folder.appendingPathComponent(compareWith)
        if updateScreenshots {
            do { try Data(png).write(to: reference) } catch {
                fail(step, "cannot write \(compareWith): \(error.localizedDescription)")
            }
            return
        }
        guard let bytes = FileManager.default.contents(atPath: reference.path) else {
            return fail(step, "expected a picture like \(compareWith), found no such file (breadbox test --update-screenshots writes it)")
        }
        let expected: PNGDecoder.Image, found: PNGDecoder.Image
        do {
            expected = try PNGDecoder.decode(Array(bytes))
            found = try PNGDecoder.decode(png)
        } catch {
            return fail(step, "cannot read \(compareWith): \(error)")
        }
        guard expected.width == found.width, expected.height == found.height else {
            return fail(step, "expected a picture of \(expected.width)x\(expected.height) like \(compareWith), found \(found.width)x\(found.height)")
        }
        if let i = zip(expected.rgb, found.rgb).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            let pixel = i / 3
            fail(step, "screenshot mismatch with \(compareWith) at x,y=(\(pixel % found.width),\(pixel / found.width))")
        }
    }
}
