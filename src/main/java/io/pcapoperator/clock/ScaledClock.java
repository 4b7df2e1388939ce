package io.pcapoperator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code scale} times faster than the wall clock from a fixed origin, so that the
 * simulator and the operator can play minutes of capture time in seconds. A scale of 1 is real
 * time.
 */
public final class ScaledClock extends Clock {
  private final Clock wallClock;
  private final Instant origin;
  private final double scale;

  private ScaledClock(Clock wallClock, Instant origin, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive, got " + scale);
    }
    this.wallClock = wallClock;
    this.origin = origin;
    this.scale = scale;
  }

  /** A clock that starts at the wall clock's present and runs {@code scale} times faster. */
  public static ScaledClock startingNow(double scale) {
    Clock wall = Clock.systemUTC();
    return new ScaledClock(wall, wall.instant(), scale);
  }

  /** The real (wall) clock, at scale 1. */
  public static ScaledClock real() {
    return new ScaledClock(Clock.systemUTC(), Instant.EPOCH, 1);
  }

  /** The wall-clock time that {@code simulated} of this clock's time takes. */
  public Duration toWallClock(Duration simulated) {
    if (scale == 1) {
      return simulated;
    }
    return Duration.ofNanos((long) (simulated.toNanos() / scale));
  }

  /** This clock's time at the moment the wall clock showed {@code wall}. */
  public Instant fromWallClock(Instant wall) {
    if (scale == 1) {
      return wall;
    }
    long elapsedNanos = Duration.between(origin, wall).toNanos();
    return origin.plusNanos((long) (elapsedNanos * scale));
  }

  @Override
  public Instant instant() {
    return fromWallClock(wallClock.instant());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new IllegalArgumentException("a scaled clock is always UTC, not " + zone);
  }
}
