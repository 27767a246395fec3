namespace Switchboard.LoadTests.Fuzz;

/// <summary>Every parser of untrusted bytes the fuzz command can drive (docs/fuzzing.md).</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<FuzzTarget> All =
        [FrameTarget.Target, WebhookTarget.Telegram, WebhookTarget.WhatsApp, WebhookTarget.Vk, PhoneEventTarget.Target];

    /// <summary>The assemblies whose code the targets exercise: the ones to instrument for a coverage-guided run.</summary>
    public static readonly IReadOnlyList<string> Instrumented = ["Wire.dll", "Gateway.dll"];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
