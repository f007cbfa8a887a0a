/**
 * The AWS resource types the importer reads, the ones it reads only through another resource, and the ones with no
 * cost of their own. Every other AWS type is "not modelled by dr-advisor" in the summary. The one list the README's
 * "Import from Terraform" section and the summary are written from.
 */

/** Read into the workload or its DR posture. */
export const READ_TYPES = {
  compute: ['aws_instance', 'aws_autoscaling_group', 'aws_eks_node_group'],
  data: ['aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_ebs_volume'],
  posture: [
    'aws_rds_global_cluster',
    'aws_dynamodb_table_replica',
    'aws_dynamodb_global_table',
    'aws_s3_bucket_replication_configuration',
    'aws_backup_plan',
    'aws_db_instance_automated_backups_replication',
  ],
  traffic: ['aws_lb', 'aws_alb', 'aws_elb', 'aws_route53_record', 'aws_route53_health_check', 'aws_globalaccelerator_accelerator', 'aws_globalaccelerator_endpoint_group'],
  /** Read through the resource that uses them (launch template of an ASG, instances of a cluster, ...). */
  through: ['aws_launch_template', 'aws_launch_configuration', 'aws_rds_cluster_instance', 'aws_volume_attachment', 'aws_backup_vault', 'aws_globalaccelerator_listener'],
} as const;

export const ALL_READ_TYPES: ReadonlySet<string> = new Set(Object.values(READ_TYPES).flat());

/**
 * Types that cost nothing by themselves (AWS does not bill VPCs, subnets, route tables, internet gateways, security
 * groups, IAM, key pairs, DB subnet/parameter/option groups, load-balancer listeners and target groups, Auto Scaling
 * policies, S3 bucket settings): counted as configuration, not as unsupported.
 */
const NO_COST_TYPES = new Set([
  'aws_vpc',
  'aws_subnet',
  'aws_route_table',
  'aws_route_table_association',
  'aws_route',
  'aws_internet_gateway',
  'aws_egress_only_internet_gateway',
  'aws_default_vpc',
  'aws_default_subnet',
  'aws_default_route_table',
  'aws_default_security_group',
  'aws_main_route_table_association',
  'aws_network_acl',
  'aws_network_acl_rule',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_key_pair',
  'aws_db_subnet_group',
  'aws_db_parameter_group',
  'aws_db_option_group',
  'aws_rds_cluster_parameter_group',
  'aws_lb_listener',
  'aws_lb_listener_rule',
  'aws_lb_target_group',
  'aws_lb_target_group_attachment',
  'aws_alb_listener',
  'aws_alb_listener_rule',
  'aws_alb_target_group',
  'aws_alb_target_group_attachment',
  'aws_autoscaling_attachment',
  'aws_autoscaling_policy',
  'aws_autoscaling_schedule',
  'aws_autoscaling_lifecycle_hook',
  'aws_appautoscaling_target',
  'aws_appautoscaling_policy',
  'aws_backup_selection',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_cors_configuration',
  'aws_s3_bucket_website_configuration',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_notification',
]);

export function isNoCostType(type: string): boolean {
  return NO_COST_TYPES.has(type) || /^aws_iam_/.test(type);
}
