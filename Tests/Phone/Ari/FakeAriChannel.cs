namespace Switchboard.Tests.Phone.Ari;

/// <summary>A channel of the fake Asterisk, written out as ARI's Channel JSON.</summary>
public sealed record FakeAriChannel(string Id, string Number, string Exten, string Created)
{
    /// <summary>Originated and not picked up yet: listed outside the app, as Asterisk lists a channel still dialling.</summary>
    public bool Ringing { get; set; }

    /// <param name="app">The Stasis app the channel is in, or null for one still ringing.</param>
    public object Json(string? app) => new
    {
        id = Id,
        name = $"PJSIP/{Number}-00000001",
        state = app is null ? "Down" : "Up",
        caller = new { name = "", number = Number },
        connected = new { name = "", number = "" },
        accountcode = "",
        dialplan = new { context = "from-external", exten = Exten, priority = 1, app_name = app is null ? "" : "Stasis", app_data = app ?? "" },
        creationtime = Created,
        language = "en",
    };
}
