// Public face of lib/cluster: the multi-instance coordinator for the snapshot cache.
export { createClusterCoordinator, type ClusterCoordinator, type ClusterCoordinatorOptions, type ClusterStats } from '@/lib/cache/cluster/coordinator';
export { newInstanceId } from '@/lib/cache/cluster/instance-id';
