package io.pcapoperator.storage;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends a put's body with its headers, without waiting for {@code 100 Continue}. Over the JDK's URL
 * connection, a store that refuses the headers (wrong keys, no such bucket) and closes the
 * connection would otherwise surface as a failure to write the body, which looks like a network
 * fault; with the body sent, its refusal is read and reported as what it is. Pcap files are small
 * enough that sending them to be refused costs little.
 */
final class WithoutExpectContinue implements ExecutionInterceptor {
  @Override
  public SdkHttpRequest modifyHttpRequest(
      Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
    return context.httpRequest().toBuilder().removeHeader("Expect").build();
  }
}
