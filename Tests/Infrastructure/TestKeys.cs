using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Tests.Infrastructure;

/// <summary>Master keys for tests (hosts outside Development need one), and the event sealer built on them.</summary>
public static class TestKeys
{
    public const string MasterKeyBase64 = "RPuaCa0MKOwWMeBCW95c8gxGZUTYcGQFln6E+SJ0DgY=";

    /// <summary>Another key: data written under <see cref="MasterKeyBase64"/> must not open with it.</summary>
    public const string OtherMasterKeyBase64 = "/2VEKxNAAv/V+pLqTMMf2pQTroU2a7hRx6rsP++QH+c=";

    public static MasterKeys Masters(string current = MasterKeyBase64, params string[] retired) =>
        new(MasterKey.Parse(current, "test"), retired.Select(key => MasterKey.Parse(key, "test retired")));

    public static ConversationKeys Keys(IDataKeyStore store, TimeProvider? clock = null, string master = MasterKeyBase64) =>
        new(store, Masters(master), clock ?? TimeProvider.System, NullLogger<ConversationKeys>.Instance);

    public static EventSealer Sealer(IDataKeyStore store) => new(Keys(store));
}
