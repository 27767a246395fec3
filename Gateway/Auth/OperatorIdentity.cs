using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Auth;

/// <summary>An operator or supervisor as their token proves them.</summary>
public sealed record OperatorIdentity(string Site, string Login, string Role, string Name)
{
    public Actor ToActor() => new(Role == Roles.Supervisor ? ActorKind.Supervisor : ActorKind.Operator, Site, Login, Name);
}
