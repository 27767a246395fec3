namespace Switchboard.Silo.Storage.Blobs;

/// <summary>The <c>Blobs</c> configuration section: which store keeps attachment files.</summary>
public sealed class BlobStoreOptions
{
    public const string Section = "Blobs";
    public const string FileSystem = "FileSystem";
    public const string S3 = "S3";
    public const string Postgres = "Postgres";

    /// <summary>
    /// <c>FileSystem</c>, <c>S3</c> or <c>Postgres</c> (large objects). Unset: <c>FileSystem</c> standalone; in a
    /// cluster <c>Postgres</c>, or <c>FileSystem</c> when <see cref="Directory"/> names a shared volume.
    /// </summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// The FileSystem store's directory. Empty: <c>attachments</c> under <c>Storage:DataDirectory</c> (standalone); in a
    /// cluster, a directory every gateway shares (a network volume), when there is no S3-compatible server.
    /// </summary>
    public string Directory { get; set; } = "";

    /// <summary>The S3 endpoint for a server other than AWS (MinIO, Ceph, Garage, s3rver…); empty for AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "switchboard-attachments";
    public string Region { get; set; } = "us-east-1";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";

    /// <summary>The Postgres store's database; empty: the cluster's own (<c>Cluster:Postgres</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Most S3-compatible servers want <c>endpoint/bucket/key</c> rather than a bucket host name.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Creates the bucket at start when it is missing (convenient for a fresh MinIO; off where policy forbids it).</summary>
    public bool CreateBucket { get; set; } = true;
}
