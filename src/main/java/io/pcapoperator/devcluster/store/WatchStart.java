package io.pcapoperator.devcluster.store;

import java.util.List;

/**
 * The beginning of a watch: the events to send first, then whatever the subscription receives.
 *
 * @param replay events that happened before the watch began and after the version it asked for (or
 *     the current objects as {@code ADDED}, when it asked for none)
 * @param subscription the live events from here on
 */
public record WatchStart(List<WatchEvent> replay, Subscription subscription) {}
