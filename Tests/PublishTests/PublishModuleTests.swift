import Publish
import Testing

@Suite struct PublishModuleTests {
    @Test func theBotHasAName() {
        #expect(PublishModule.defaultBotName == "seekgpu-bot")
    }
}
