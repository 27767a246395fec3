namespace Switchboard.LoadTests.Messengers;

/// <summary>One request a <see cref="FakePlatform"/> received: the body as sent (JSON, or VK's form encoding).</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
