namespace Switchboard.Gateway.Sockets;

/// <summary>Thrown out of a socket's frame handling when the client keeps sending over its limits: the socket closes with 1008.</summary>
internal sealed class SocketAbuse : Exception;
