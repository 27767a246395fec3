using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Blobs as objects in an S3-compatible bucket: AWS itself, or any server that speaks the S3 API (MinIO, Ceph,
/// Garage, s3rver). A PUT is atomic, so a reader never sees half an object.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly BlobStoreOptions _options;
    private readonly Lazy<Task> _bucketReady;

    public S3BlobStore(BlobStoreOptions options)
    {
        _options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where the API requires them: several S3-compatible servers reject the newer trailing ones.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        _client = options.AccessKey.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
        _bucketReady = new Lazy<Task>(EnsureBucketAsync);
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            // One signed body rather than aws-chunked signatures, which some S3-compatible servers store as content.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        try
        {
            var response = await _client.GetObjectAsync(_options.Bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        await _client.DeleteObjectAsync(_options.Bucket, key, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return item.Key;
            }
            if (page.IsTruncated != true)
            {
                yield break;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    private async Task EnsureBucketAsync()
    {
        if (!_options.CreateBucket)
        {
            return;
        }
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket });
        }
        catch (AmazonS3Exception exists) when (exists.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public void Dispose() => _client.Dispose();
}
