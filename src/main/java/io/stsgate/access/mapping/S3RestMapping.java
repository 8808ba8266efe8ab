package io.stsgate.access.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.stsgate.directory.Bucket;
import io.stsgate.engine.AccessQuestion;

/**
 * The S3 REST API as IAM sees it: method, bucket, key and sub-resource to action and resource ARN, with the condition
 * keys S3 sets ({@code s3:prefix}, {@code s3:delimiter}, {@code s3:max-keys}, {@code s3:x-amz-acl}, …). Path-style
 * ({@code /bucket/key}) and virtual-hosted ({@code bucket.s3.example.com/key}, for the configured domains). A request
 * it does not know is {@link Mapping.Unmapped}, never guessed: an unknown sub-resource could be a write.
 */
public final class S3RestMapping {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Query parameters that modify an operation without naming another one. */
    private static final Set<String> MODIFIERS = Set.of("list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "fetch-owner", "encoding-type", "marker", "versionid", "partnumber",
            "x-id", "max-uploads", "key-marker", "upload-id-marker", "max-parts", "part-number-marker",
            "version-id-marker", "optional-object-attributes");
    /** Request headers IAM exposes as {@code s3:<header>} condition keys on writes. */
    private static final List<String> WRITE_HEADER_KEYS = List.of("x-amz-acl", "x-amz-server-side-encryption",
            "x-amz-storage-class", "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-object-lock-mode");

    private final List<String> domains;
    private final Function<String, Optional<Bucket>> buckets;

    /**
     * @param domains the S3 endpoint's host names for virtual-hosted requests (e.g. {@code s3.example.com}); a host
     *        that is not {@code <bucket>.<domain>} is path-style
     * @param buckets the declared bucket of a name, asked on every request (the directory's current snapshot)
     */
    public S3RestMapping(List<String> domains, Function<String, Optional<Bucket>> buckets) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.buckets = buckets;
    }

    public Mapping map(HttpCall call) {
        String host = call.hostName();
        String bucket = null;
        String rawKey;
        for (String domain : domains) {
            if (host.endsWith("." + domain)) {
                bucket = host.substring(0, host.length() - domain.length() - 1);
                break;
            }
        }
        String path = call.rawPath();
        if (bucket != null) {
            rawKey = path.substring(1);
        } else {
            int slash = path.indexOf('/', 1);
            String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
            bucket = first.isEmpty() ? null : HttpCall.decode(first);
            rawKey = slash < 0 ? "" : path.substring(slash + 1);
        }
        String key = HttpCall.decode(rawKey);
        Map<String, String> query = lowerCaseNames(call.queryParameters());
        List<String> subResources = query.keySet().stream()
                .filter(n -> !MODIFIERS.contains(n) && !n.startsWith("response-") && !n.startsWith("x-amz-"))
                .toList();
        if (subResources.size() > 1) {
            return new Mapping.Unmapped("more than one S3 sub-resource: ?" + String.join("&", subResources));
        }
        String sub = subResources.isEmpty() ? "" : subResources.get(0);
        if (bucket == null) {
            if (call.method().equals("GET") && sub.isEmpty()) {
                return new Mapping.Mapped("ListBuckets", List.of(new AccessQuestion("s3:ListAllMyBuckets",
                        "arn:aws:s3:::*", null, List.of(), Map.of())));
            }
            return new Mapping.Unmapped("the S3 service root answers GET (ListBuckets) only, not " + call.method()
                    + describe(sub));
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            return new Mapping.Unmapped("'" + bucket + "' is not a valid S3 bucket name");
        }
        return key.isEmpty() ? bucketCall(call, bucket, sub, query) : objectCall(call, bucket, key, sub, query);
    }

    private Mapping bucketCall(HttpCall call, String bucket, String sub, Map<String, String> query) {
        String arn = "arn:aws:s3:::" + bucket;
        String method = call.method();
        return switch (sub) {
            case "" -> switch (method) {
                case "GET" -> {
                    var context = new LinkedHashMap<String, List<String>>();
                    for (String k : List.of("prefix", "delimiter", "max-keys")) {
                        if (query.containsKey(k)) {
                            context.put("s3:" + k, List.of(query.get(k)));
                        }
                    }
                    yield mapped("2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects",
                            question(bucket, "s3:ListBucket", arn, context));
                }
                case "HEAD" -> mapped("HeadBucket", question(bucket, "s3:ListBucket", arn, Map.of()));
                case "PUT" -> mapped("CreateBucket", question(bucket, "s3:CreateBucket", arn, headerKeys(call,
                        List.of("x-amz-acl"))));
                case "DELETE" -> mapped("DeleteBucket", question(bucket, "s3:DeleteBucket", arn, Map.of()));
                default -> unknown(method, sub, "a bucket");
            };
            case "uploads" -> method.equals("GET")
                    ? mapped("ListMultipartUploads", question(bucket, "s3:ListBucketMultipartUploads", arn, Map.of()))
                    : unknown(method, sub, "a bucket");
            case "versions" -> method.equals("GET")
                    ? mapped("ListObjectVersions", question(bucket, "s3:ListBucketVersions", arn, Map.of()))
                    : unknown(method, sub, "a bucket");
            case "location" -> method.equals("GET")
                    ? mapped("GetBucketLocation", question(bucket, "s3:GetBucketLocation", arn, Map.of()))
                    : unknown(method, sub, "a bucket");
            case "delete" -> new Mapping.Unmapped("DeleteObjects names its keys in the request body, which nginx does"
                    + " not forward; delete objects one by one");
            case "policy", "tagging", "acl", "versioning" -> {
                String noun = switch (sub) {
                    case "policy" -> "BucketPolicy";
                    case "tagging" -> "BucketTagging";
                    case "acl" -> "BucketAcl";
                    default -> "BucketVersioning";
                };
                yield switch (method) {
                    case "GET" -> mapped("Get" + noun, question(bucket, "s3:Get" + noun, arn, Map.of()));
                    case "PUT" -> mapped("Put" + noun, question(bucket, "s3:Put" + noun, arn, Map.of()));
                    // DeleteBucketTagging is authorised as s3:PutBucketTagging.
                    case "DELETE" -> sub.equals("policy") || sub.equals("tagging")
                            ? mapped("Delete" + noun, question(bucket, sub.equals("policy")
                                    ? "s3:DeleteBucketPolicy"
                                    : "s3:PutBucketTagging", arn, Map.of()))
                            : unknown(method, sub, "a bucket");
                    default -> unknown(method, sub, "a bucket");
                };
            }
            default -> unknown(method, sub, "a bucket");
        };
    }

    private Mapping objectCall(HttpCall call, String bucket, String key, String sub, Map<String, String> query) {
        String arn = "arn:aws:s3:::" + bucket + "/" + key;
        String method = call.method();
        boolean version = query.containsKey("versionid");
        return switch (sub) {
            case "" -> switch (method) {
                case "GET", "HEAD" -> mapped(method.equals("GET") ? "GetObject" : "HeadObject", question(bucket,
                        version ? "s3:GetObjectVersion" : "s3:GetObject", arn, Map.of()));
                case "PUT" -> put(call, bucket, arn, query.containsKey("partnumber") ? "UploadPart" : "PutObject");
                case "DELETE" -> mapped("DeleteObject", question(bucket, version ? "s3:DeleteObjectVersion"
                        : "s3:DeleteObject", arn, Map.of()));
                default -> unknown(method, sub, "an object");
            };
            case "uploads" -> method.equals("POST")
                    ? mapped("CreateMultipartUpload", question(bucket, "s3:PutObject", arn, headerKeys(call,
                            WRITE_HEADER_KEYS)))
                    : unknown(method, sub, "an object");
            case "uploadid" -> switch (method) {
                case "PUT" -> put(call, bucket, arn, "UploadPart");
                case "POST" -> mapped("CompleteMultipartUpload", question(bucket, "s3:PutObject", arn, Map.of()));
                case "DELETE" -> mapped("AbortMultipartUpload", question(bucket, "s3:AbortMultipartUpload", arn,
                        Map.of()));
                case "GET" -> mapped("ListParts", question(bucket, "s3:ListMultipartUploadParts", arn, Map.of()));
                default -> unknown(method, sub, "an object");
            };
            case "tagging" -> switch (method) {
                case "GET" -> mapped("GetObjectTagging", question(bucket, version ? "s3:GetObjectVersionTagging"
                        : "s3:GetObjectTagging", arn, Map.of()));
                case "PUT" -> mapped("PutObjectTagging", question(bucket, version ? "s3:PutObjectVersionTagging"
                        : "s3:PutObjectTagging", arn, Map.of()));
                case "DELETE" -> mapped("DeleteObjectTagging", question(bucket, version
                        ? "s3:DeleteObjectVersionTagging"
                        : "s3:DeleteObjectTagging", arn, Map.of()));
                default -> unknown(method, sub, "an object");
            };
            case "acl" -> switch (method) {
                case "GET" -> mapped("GetObjectAcl", question(bucket, "s3:GetObjectAcl", arn, Map.of()));
                case "PUT" -> mapped("PutObjectAcl", question(bucket, "s3:PutObjectAcl", arn, Map.of()));
                default -> unknown(method, sub, "an object");
            };
            default -> unknown(method, sub, "an object");
        };
    }

    /** PutObject or UploadPart; with {@code x-amz-copy-source} also reading the source (CopyObject, UploadPartCopy). */
    private Mapping put(HttpCall call, String bucket, String arn, String operation) {
        var questions = new ArrayList<AccessQuestion>(2);
        questions.add(question(bucket, "s3:PutObject", arn, operation.equals("PutObject")
                ? headerKeys(call, WRITE_HEADER_KEYS)
                : Map.of()));
        String source = call.header("x-amz-copy-source");
        if (source == null) {
            return new Mapping.Mapped(operation, questions);
        }
        String decoded = HttpCall.decode(source.trim());
        String sourceVersion = null;
        int q = decoded.indexOf("?versionId=");
        if (q >= 0) {
            sourceVersion = decoded.substring(q + "?versionId=".length());
            decoded = decoded.substring(0, q);
        }
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1 || !BUCKET.matcher(decoded.substring(0, slash)).matches()) {
            return new Mapping.Unmapped("x-amz-copy-source must be bucket/key, got '" + source + "'");
        }
        String sourceBucket = decoded.substring(0, slash);
        questions.add(question(sourceBucket, sourceVersion == null ? "s3:GetObject" : "s3:GetObjectVersion",
                "arn:aws:s3:::" + decoded, Map.of()));
        return new Mapping.Mapped(operation.equals("PutObject") ? "CopyObject" : "UploadPartCopy", questions);
    }

    private AccessQuestion question(String bucket, String action, String arn, Map<String, List<String>> context) {
        Bucket declared = buckets.apply(bucket).orElse(null);
        return declared == null
                ? new AccessQuestion(action, arn, null, List.of(), context)
                : new AccessQuestion(action, arn, declared.account(), declared.policies(), context);
    }

    private static Map<String, List<String>> headerKeys(HttpCall call, List<String> names) {
        var context = new LinkedHashMap<String, List<String>>();
        for (String name : names) {
            String value = call.header(name);
            if (value != null) {
                context.put("s3:" + name, List.of(value.trim()));
            }
        }
        return context;
    }

    private static Mapping mapped(String operation, AccessQuestion question) {
        return new Mapping.Mapped(operation, List.of(question));
    }

    private static Mapping unknown(String method, String sub, String target) {
        return new Mapping.Unmapped("the S3 mapping does not know " + method + describe(sub) + " on " + target);
    }

    private static String describe(String sub) {
        return sub.isEmpty() ? "" : " with sub-resource ?" + sub;
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> parameters) {
        var lower = new LinkedHashMap<String, String>();
        parameters.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
