namespace Redirector.Failover;

/// <summary>What a loopback backend answers: a bare TCP accept, or an HTTP 200 on any path.</summary>
enum Protocol
{
    Tcp,
    Http,
}
