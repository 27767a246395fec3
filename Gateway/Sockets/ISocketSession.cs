using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>A live socket's session: it handles the client's frames one at a time.</summary>
public interface ISocketSession
{
    Task HandleAsync(InboundFrame frame);

    /// <summary>The socket closed: stop following everything it followed.</summary>
    void End();
}
