using Switchboard.Domain.Sites;

namespace Switchboard.Tests.Domain;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_is_salted()
    {
        var hash = PasswordHash.Create("demo");

        Assert.True(PasswordHash.Verify("demo", hash));
        Assert.False(PasswordHash.Verify("Demo", hash));
        Assert.False(PasswordHash.Verify("demo", "plain-text"));
        Assert.NotEqual(hash, PasswordHash.Create("demo"));
        Assert.StartsWith("pbkdf2-sha256$", hash);
    }
}
