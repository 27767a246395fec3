namespace Switchboard.Contracts;

/// <summary>
/// A refusal the caller can act on; <see cref="Code"/> is the protocol's error code
/// (<c>forbidden</c>, <c>not_found</c>, <c>bad_request</c>, …) so the gateway maps it to a frame or problem as is.
/// </summary>
[GenerateSerializer, Alias("Switchboard.SwitchboardException")]
public sealed class SwitchboardException : Exception
{
    public SwitchboardException(string code, string message) : base(message) => Code = code;

    [Id(0)]
    public string Code { get; }

    public static SwitchboardException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
    public static SwitchboardException NotFound(string message) => new(ErrorCodes.NotFound, message);
    public static SwitchboardException BadRequest(string message) => new(ErrorCodes.BadRequest, message);
}
