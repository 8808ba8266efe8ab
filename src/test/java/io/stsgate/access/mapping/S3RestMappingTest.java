package io.stsgate.access.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.directory.Bucket;
import io.stsgate.engine.AccessQuestion;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyParser;

/** S3 REST requests to IAM actions, resources and condition keys, as AWS documents them per operation. */
class S3RestMappingTest {

    private static final NamedPolicy SHARED_POLICY = new NamedPolicy("bucket policy of shared", PolicyParser.parse("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::shared/*"}]}"""));
    private final S3RestMapping mapping = new S3RestMapping(List.of("s3.example.com"),
            name -> java.util.Optional.ofNullable(Map.of("shared", new Bucket("shared", "222222222222",
                    List.of(SHARED_POLICY))).get(name)));

    private Mapping map(String method, String uri, Map<String, List<String>> headers) {
        return map(method, "storage.example:9000", uri, headers);
    }

    private Mapping map(String method, String host, String uri, Map<String, List<String>> headers) {
        int q = uri.indexOf('?');
        return mapping.map(new HttpCall(method, host, q < 0 ? uri : uri.substring(0, q),
                q < 0 ? null : uri.substring(q + 1), headers));
    }

    private Mapping.Mapped mapped(String method, String uri) {
        return (Mapping.Mapped) map(method, uri, Map.of());
    }

    private AccessQuestion only(String method, String uri) {
        var mapped = mapped(method, uri);
        assertThat(mapped.questions()).hasSize(1);
        return mapped.questions().get(0);
    }

    private String reasonOf(String method, String uri) {
        return ((Mapping.Unmapped) map(method, uri, Map.of())).reason();
    }

    @Test
    void getAndHeadOfAnObjectAreGetObjectOnTheDecodedKey() {
        assertThat(only("GET", "/reports/2026/q%201.csv")).extracting(AccessQuestion::action,
                AccessQuestion::resource).containsExactly("s3:GetObject", "arn:aws:s3:::reports/2026/q 1.csv");
        assertThat(mapped("HEAD", "/reports/q1.csv").operation()).isEqualTo("HeadObject");
        assertThat(only("HEAD", "/reports/q1.csv").action()).isEqualTo("s3:GetObject");
        assertThat(only("GET", "/reports/q1.csv?versionId=3").action()).isEqualTo("s3:GetObjectVersion");
    }

    @Test
    void responseOverridesAndTheSdksOperationHintAreNoSubResources() {
        assertThat(only("GET", "/reports/q1.csv?response-content-type=text%2Fplain&x-id=GetObject").action())
                .isEqualTo("s3:GetObject");
    }

    @Test
    void putObjectCarriesTheHeaderConditionKeys() {
        var question = ((Mapping.Mapped) map("PUT", "/reports/q1.csv", Map.of("x-amz-acl", List.of("private"),
                "x-amz-server-side-encryption", List.of("AES256")))).questions().get(0);

        assertThat(question.action()).isEqualTo("s3:PutObject");
        assertThat(question.contextKeys()).containsEntry("s3:x-amz-acl", List.of("private"))
                .containsEntry("s3:x-amz-server-side-encryption", List.of("AES256"));
    }

    @Test
    void deleteObjectAndItsVersion() {
        assertThat(only("DELETE", "/reports/q1.csv").action()).isEqualTo("s3:DeleteObject");
        assertThat(only("DELETE", "/reports/q1.csv?versionId=7").action()).isEqualTo("s3:DeleteObjectVersion");
    }

    @Test
    void copyObjectAlsoAsksToReadTheSource() {
        var mapped = (Mapping.Mapped) map("PUT", "/reports/copy.csv", Map.of("x-amz-copy-source",
                List.of("/other-bucket/dir/src%20file.csv")));

        assertThat(mapped.operation()).isEqualTo("CopyObject");
        assertThat(mapped.questions()).extracting(AccessQuestion::action, AccessQuestion::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s3:PutObject", "arn:aws:s3:::reports/copy.csv"),
                org.assertj.core.groups.Tuple.tuple("s3:GetObject", "arn:aws:s3:::other-bucket/dir/src file.csv"));
    }

    @Test
    void aCopyOfASourceVersionAsksForGetObjectVersion() {
        var mapped = (Mapping.Mapped) map("PUT", "/reports/copy.csv", Map.of("x-amz-copy-source",
                List.of("other-bucket/src.csv?versionId=5")));

        assertThat(mapped.questions().get(1).action()).isEqualTo("s3:GetObjectVersion");
        assertThat(mapped.questions().get(1).resource()).isEqualTo("arn:aws:s3:::other-bucket/src.csv");
    }

    @Test
    void aCopySourceThatIsNoBucketAndKeyIsDenied() {
        var unmapped = (Mapping.Unmapped) map("PUT", "/reports/copy.csv", Map.of("x-amz-copy-source",
                List.of("just-a-bucket")));

        assertThat(unmapped.reason()).contains("x-amz-copy-source");
    }

    @Test
    void listObjectsV2AndV1AreListBucketWithPrefixDelimiterAndMaxKeys() {
        var v2 = mapped("GET", "/reports?list-type=2&prefix=2026%2F&delimiter=%2F&max-keys=10");
        assertThat(v2.operation()).isEqualTo("ListObjectsV2");
        assertThat(v2.questions().get(0).action()).isEqualTo("s3:ListBucket");
        assertThat(v2.questions().get(0).resource()).isEqualTo("arn:aws:s3:::reports");
        assertThat(v2.questions().get(0).contextKeys()).containsEntry("s3:prefix", List.of("2026/"))
                .containsEntry("s3:delimiter", List.of("/")).containsEntry("s3:max-keys", List.of("10"));

        var v1 = mapped("GET", "/reports/?prefix=a");
        assertThat(v1.operation()).isEqualTo("ListObjects");
        assertThat(v1.questions().get(0).contextKeys()).containsOnlyKeys("s3:prefix");
    }

    @Test
    void listBucketsIsListAllMyBuckets() {
        assertThat(only("GET", "/")).extracting(AccessQuestion::action, AccessQuestion::resource)
                .containsExactly("s3:ListAllMyBuckets", "arn:aws:s3:::*");
    }

    @Test
    void bucketLifecycle() {
        assertThat(only("PUT", "/new-bucket").action()).isEqualTo("s3:CreateBucket");
        assertThat(only("DELETE", "/new-bucket").action()).isEqualTo("s3:DeleteBucket");
        assertThat(only("HEAD", "/new-bucket").action()).isEqualTo("s3:ListBucket");
        assertThat(only("GET", "/new-bucket?location").action()).isEqualTo("s3:GetBucketLocation");
        assertThat(only("GET", "/new-bucket?policy").action()).isEqualTo("s3:GetBucketPolicy");
        assertThat(only("DELETE", "/new-bucket?tagging").action()).isEqualTo("s3:PutBucketTagging");
    }

    @Test
    void multipartCalls() {
        assertThat(mapped("POST", "/reports/big.bin?uploads").operation()).isEqualTo("CreateMultipartUpload");
        assertThat(only("POST", "/reports/big.bin?uploads").action()).isEqualTo("s3:PutObject");
        assertThat(mapped("PUT", "/reports/big.bin?partNumber=1&uploadId=abc").operation()).isEqualTo("UploadPart");
        assertThat(only("PUT", "/reports/big.bin?partNumber=1&uploadId=abc").action()).isEqualTo("s3:PutObject");
        assertThat(only("POST", "/reports/big.bin?uploadId=abc").action()).isEqualTo("s3:PutObject");
        assertThat(only("DELETE", "/reports/big.bin?uploadId=abc").action()).isEqualTo("s3:AbortMultipartUpload");
        assertThat(only("GET", "/reports/big.bin?uploadId=abc").action()).isEqualTo("s3:ListMultipartUploadParts");
        assertThat(only("GET", "/reports?uploads").action()).isEqualTo("s3:ListBucketMultipartUploads");
    }

    @Test
    void uploadPartCopyReadsItsSource() {
        var mapped = (Mapping.Mapped) map("PUT", "/reports/big.bin?partNumber=2&uploadId=abc",
                Map.of("x-amz-copy-source", List.of("reports/part-source.bin")));

        assertThat(mapped.operation()).isEqualTo("UploadPartCopy");
        assertThat(mapped.questions()).extracting(AccessQuestion::action).containsExactly("s3:PutObject",
                "s3:GetObject");
    }

    @Test
    void objectTagging() {
        assertThat(only("GET", "/reports/q1.csv?tagging").action()).isEqualTo("s3:GetObjectTagging");
        assertThat(only("PUT", "/reports/q1.csv?tagging").action()).isEqualTo("s3:PutObjectTagging");
        assertThat(only("DELETE", "/reports/q1.csv?tagging").action()).isEqualTo("s3:DeleteObjectTagging");
        assertThat(only("GET", "/reports/q1.csv?tagging&versionId=2").action())
                .isEqualTo("s3:GetObjectVersionTagging");
    }

    @Test
    void aVirtualHostedRequestTakesTheBucketFromTheHost() {
        var question = ((Mapping.Mapped) map("GET", "reports.s3.example.com:443", "/2026/q1.csv", Map.of()))
                .questions().get(0);

        assertThat(question.resource()).isEqualTo("arn:aws:s3:::reports/2026/q1.csv");
        assertThat(((Mapping.Mapped) map("GET", "reports.s3.example.com", "/?list-type=2", Map.of())).questions()
                .get(0).resource()).isEqualTo("arn:aws:s3:::reports");
    }

    @Test
    void aHostOutsideTheDomainsIsPathStyle() {
        assertThat(((Mapping.Mapped) map("GET", "reports.elsewhere.example", "/bucket/key", Map.of())).questions()
                .get(0).resource()).isEqualTo("arn:aws:s3:::bucket/key");
    }

    @Test
    void aDeclaredBucketBringsItsOwnerAndPolicy() {
        var question = only("GET", "/shared/a.txt");

        assertThat(question.resourceAccount()).isEqualTo("222222222222");
        assertThat(question.resourcePolicies()).containsExactly(SHARED_POLICY);
        assertThat(only("GET", "/undeclared/a.txt").resourceAccount()).isNull();
    }

    @Test
    void anUnknownSubResourceIsDenied() {
        assertThat(reasonOf("GET", "/reports/q1.csv?torrent")).contains("sub-resource ?torrent");
    }

    @Test
    void twoSubResourcesAreDenied() {
        assertThat(reasonOf("GET", "/reports/q1.csv?tagging&acl")).contains("more than one S3 sub-resource");
    }

    @Test
    void anUnknownMethodOnAnObjectIsDenied() {
        assertThat(reasonOf("PATCH", "/reports/q1.csv")).contains("PATCH");
    }

    @Test
    void aPostToABucketWithoutSubResourceIsDenied() {
        assertThat(reasonOf("POST", "/reports")).contains("POST").contains("a bucket");
    }

    @Test
    void deleteObjectsIsDeniedBecauseItsKeysAreInTheBody() {
        assertThat(reasonOf("POST", "/reports?delete")).contains("request body");
    }

    @Test
    void onlyGetIsAllowedAtTheServiceRoot() {
        assertThat(reasonOf("PUT", "/")).contains("ListBuckets");
    }

    @Test
    void anInvalidBucketNameIsDenied() {
        assertThat(reasonOf("GET", "/Not_A_Bucket/key")).contains("not a valid S3 bucket name");
    }
}
