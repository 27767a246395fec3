using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>For PBXs without text-to-speech the product renders its prompts with espeak-ng and serves them as WAV.</summary>
public sealed class PromptSpeechTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Say_commands_carry_the_url_of_a_wav_rendered_once_per_text_and_language()
    {
        // This class has its own gateway (its own fixture instance), so switching rendering on touches no other test.
        Host.Services.GetRequiredService<IConfiguration>()["Phone:RenderSpeech"] = "true";
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);

        var first = await pbx.SendAsync("c-s1", "call.offered");
        var second = await pbx.SendAsync("c-s2", "call.offered");
        var url = new Uri(first[1].Str("audioUrl"));
        using var audio = await Host.Http.GetAsync(url.PathAndQuery);
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        using var unknown = await Host.Http.GetAsync("/phone/speech/0123456789abcdef0123456789abcdef.wav");
        using var notAKey = await Host.Http.GetAsync("/phone/speech/..%2Fkeys.wav");

        Assert.Equal("say", first[1].Str("type"));
        Assert.Equal(url, new Uri(second[1].Str("audioUrl")));
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 10_000, $"Expected seconds of speech, got {bytes.Length} bytes");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAKey.StatusCode);
    }
}
